// Generates the import and re-tiering benchmark's data as the CSV files `kams import` reads:
//   customers.csv     customer_id,name,region,industry,created_at
//   transactions.csv  txn_id,customer_id,date,amount
// Reproducible: the same arguments give the same bytes.
//
//   bench_gen_data --out DIR [--customers 1000000] [--transactions 50000000]
//                  [--months 24] [--last-month 2026-10] [--seed 20261123]
//
// Shape: each customer has a weight drawn from a log-normal (σ 1.5), so a few accounts
// carry most of the business; transactions pick their customer in proportion to it (Vose's
// alias method) and their amount around a customer-specific typical order (larger for
// larger customers). Transactions are spread evenly over the days of the window and
// written in date order with increasing ids, as an ERP export lists them; ids are
// "T" and 11 digits, customers "C" and 7 digits. Amounts are yuan with two decimals.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

// splitmix64: fast and good enough for benchmark data.
struct Rng {
  std::uint64_t s;
  std::uint64_t Next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Normal() {  // Box-Muller, one of the pair
    double u = Unit();
    while (u <= 0) u = Unit();
    return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * Unit());
  }
};

// Vose's alias method: O(1) draws from a discrete distribution.
class Alias {
 public:
  explicit Alias(const std::vector<double>& weights) {
    const std::size_t n = weights.size();
    prob_.resize(n);
    alias_.resize(n);
    double sum = 0;
    for (double w : weights) sum += w;
    std::vector<double> p(n);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
      p[i] = weights[i] * static_cast<double>(n) / sum;
      (p[i] < 1 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const auto s = small.back(), l = large.back();
      small.pop_back();
      prob_[s] = p[s];
      alias_[s] = l;
      p[l] = p[l] + p[s] - 1;
      if (p[l] < 1) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (auto i : large) prob_[i] = 1;
    for (auto i : small) prob_[i] = 1;
  }
  std::uint32_t Draw(Rng& rng) const {
    const auto i = static_cast<std::uint32_t>(rng.Next() % prob_.size());
    return rng.Unit() < prob_[i] ? i : alias_[i];
  }

 private:
  std::vector<double> prob_;
  std::vector<std::uint32_t> alias_;
};

// Days since 1970-01-01 and back (H. Hinnant's algorithms).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void CivilFromDays(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

// Appends `v` as exactly `width` digits (zero padded).
char* PutDigits(char* p, std::uint64_t v, int width) {
  for (int k = width - 1; k >= 0; --k) {
    p[k] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}
char* PutNumber(char* p, std::uint64_t v) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) *p++ = tmp[--n];
  return p;
}

class Writer {
 public:
  explicit Writer(const std::string& path) : f_(std::fopen(path.c_str(), "wb")), buf_(1 << 22) {
    if (!f_) {
      std::perror(path.c_str());
      std::exit(2);
    }
  }
  ~Writer() {
    Flush();
    if (std::fclose(f_) != 0) {
      std::perror("close");
      std::exit(2);
    }
  }
  // Room for one line of at most 256 bytes.
  char* Line() {
    if (used_ + 256 > buf_.size()) Flush();
    return buf_.data() + used_;
  }
  void Done(char* end) { used_ = static_cast<std::size_t>(end - buf_.data()); }
  void Put(const std::string& s) {
    char* p = Line();
    std::memcpy(p, s.data(), s.size());
    Done(p + s.size());
  }

 private:
  void Flush() {
    if (used_ && std::fwrite(buf_.data(), 1, used_, f_) != used_) {
      std::perror("write");
      std::exit(2);
    }
    used_ = 0;
  }
  std::FILE* f_;
  std::vector<char> buf_;
  std::size_t used_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  long customers = 1'000'000;
  long long transactions = 50'000'000;
  int months = 24;
  int last_year = 2026, last_month = 10;
  std::uint64_t seed = 20261123;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    if (!v) {
      std::fprintf(stderr, "%s needs a value\n", a.c_str());
      return 2;
    }
    if (a == "--out") out = v;
    else if (a == "--customers") customers = std::atol(v);
    else if (a == "--transactions") transactions = std::atoll(v);
    else if (a == "--months") months = std::atoi(v);
    else if (a == "--seed") seed = std::strtoull(v, nullptr, 10);
    else if (a == "--last-month") {
      if (std::sscanf(v, "%d-%d", &last_year, &last_month) != 2) {
        std::fprintf(stderr, "--last-month is YYYY-MM\n");
        return 2;
      }
    } else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
    ++i;
  }
  if (out.empty() || customers < 1 || customers > 9'999'999 || transactions < 0 ||
      transactions > 99'999'999'999LL || months < 1) {
    std::fprintf(stderr,
                 "usage: bench_gen_data --out DIR [--customers N] [--transactions N] "
                 "[--months N] [--last-month YYYY-MM] [--seed N]\n");
    return 2;
  }

  Rng rng{seed};
  static const char* kRegions[] = {"华东", "华北", "华南", "华中", "西南", "西北", "东北"};
  static const char* kIndustries[] = {"电力", "制造", "化工", "汽车", "医药", "物流", "零售", "能源"};
  std::vector<double> weight(static_cast<std::size_t>(customers));
  std::vector<double> typical(static_cast<std::size_t>(customers));  // yuan per order
  {
    Writer w(out + "/customers.csv");
    w.Put("customer_id,name,region,industry,created_at\n");
    for (long i = 0; i < customers; ++i) {
      weight[static_cast<std::size_t>(i)] = std::exp(1.5 * rng.Normal());
      typical[static_cast<std::size_t>(i)] = 400.0 * std::sqrt(weight[static_cast<std::size_t>(i)]);
      char* p = w.Line();
      *p++ = 'C';
      p = PutDigits(p, static_cast<std::uint64_t>(i + 1), 7);
      const std::string mid = ",客户";
      std::memcpy(p, mid.data(), mid.size());
      p += mid.size();
      p = PutDigits(p, static_cast<std::uint64_t>(i + 1), 7);
      const std::string tail = std::string("有限公司,") + kRegions[rng.Next() % 7] + "," +
                               kIndustries[rng.Next() % 8] + ",2024-01-01\n";
      std::memcpy(p, tail.data(), tail.size());
      w.Done(p + tail.size());
    }
  }

  const Alias pick(weight);
  int first_year = last_year, first_month = last_month - (months - 1);
  while (first_month < 1) {
    first_month += 12;
    --first_year;
  }
  const long first_day = DaysFromCivil(first_year, first_month, 1);
  const long end_day = last_month == 12 ? DaysFromCivil(last_year + 1, 1, 1)
                                        : DaysFromCivil(last_year, last_month + 1, 1);
  const long days = end_day - first_day;
  {
    Writer w(out + "/transactions.csv");
    w.Put("txn_id,customer_id,date,amount\n");
    long long id = 0;
    for (long day = 0; day < days; ++day) {
      // An even share of the transactions per day, the remainder spread over the first days.
      const long long today = transactions / days + (day < transactions % days ? 1 : 0);
      int y, m, d;
      CivilFromDays(first_day + day, y, m, d);
      char date[11];
      PutDigits(date, static_cast<std::uint64_t>(y), 4);
      date[4] = '-';
      PutDigits(date + 5, static_cast<std::uint64_t>(m), 2);
      date[7] = '-';
      PutDigits(date + 8, static_cast<std::uint64_t>(d), 2);
      for (long long k = 0; k < today; ++k) {
        const std::uint32_t c = pick.Draw(rng);
        const double yuan = typical[c] * std::exp(0.8 * rng.Normal() - 0.32);
        const auto fen = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(yuan * 100));
        char* p = w.Line();
        *p++ = 'T';
        p = PutDigits(p, static_cast<std::uint64_t>(++id), 11);
        *p++ = ',';
        *p++ = 'C';
        p = PutDigits(p, c + 1, 7);
        *p++ = ',';
        std::memcpy(p, date, 10);
        p += 10;
        *p++ = ',';
        p = PutNumber(p, fen / 100);
        *p++ = '.';
        p = PutDigits(p, fen % 100, 2);
        *p++ = '\n';
        w.Done(p);
      }
    }
  }
  std::printf("{\"customers\": %ld, \"transactions\": %lld, \"first_day\": \"%04d-%02d-01\", "
              "\"last_month\": \"%04d-%02d\"}\n",
              customers, transactions, first_year, first_month, last_year, last_month);
  return 0;
}
