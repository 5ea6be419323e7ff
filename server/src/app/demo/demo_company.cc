#include "app/demo/demo_company.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/demo/demo_rng.h"

namespace kams::demo {
namespace {

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------

constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kCreditWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                29, 25, 13, 8,  24, 10, 30, 28};

// Value of a credit-code character (its index in kCreditAlphabet), or -1.
int CreditValue(char c) {
  const std::size_t pos = kCreditAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Check character for the first 17 characters; each must be in the alphabet.
char CreditCheckChar(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    sum += CreditValue(first17[i]) * kCreditWeights[i];
  }
  return kCreditAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

struct Weighted {
  std::string_view value;
  int weight;
};

template <typename Container>
std::size_t PickWeightedIndex(Rng& rng, const Container& items) {
  int total = 0;
  for (const auto& item : items) total += item.weight;
  int r = static_cast<int>(rng.Uniform(static_cast<std::uint32_t>(total)));
  std::size_t i = 0;
  for (const auto& item : items) {
    if (r < item.weight) return i;
    r -= item.weight;
    ++i;
  }
  return std::size(items) - 1;
}

template <typename Container>
std::string_view PickWeighted(Rng& rng, const Container& items) {
  return items[PickWeightedIndex(rng, items)].value;
}

// ---------------------------------------------------------------------------
// String helpers. Strings are built with one reservation each because the
// generator must handle 1 M customers in a few seconds.
// ---------------------------------------------------------------------------

template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ... + 0));
  (out.append(std::string_view(parts)), ...);
  return out;
}

// Appends v in decimal, left-padded with zeros to at least min_width digits.
void AppendInt(std::string& out, std::uint64_t v, int min_width = 1) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof(buf), v);
  const int len = static_cast<int>(res.ptr - buf);
  for (int i = len; i < min_width; ++i) out.push_back('0');
  out.append(buf, res.ptr);
}

void AppendDigits(std::string& out, Rng& rng, int count) {
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.Uniform(10)));
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// A valid "YYYY-MM-DD" date uniformly chosen within the given year range.
std::string RandomDate(Rng& rng, int year_lo, int year_hi) {
  const int y = rng.Range(year_lo, year_hi);
  const int m = rng.Range(1, 12);
  const int d = rng.Range(1, DaysInMonth(y, m));
  std::string out;
  out.reserve(10);
  AppendInt(out, static_cast<std::uint64_t>(y), 4);
  out.push_back('-');
  AppendInt(out, static_cast<std::uint64_t>(m), 2);
  out.push_back('-');
  AppendInt(out, static_cast<std::uint64_t>(d), 2);
  return out;
}

// Chinese numeral for 1..99 ("二", "十一", "二十三"); decimal beyond.
std::string ChineseNumber(int n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"零", "一", "二", "三", "四",
                                                               "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) {
    std::string out;
    AppendInt(out, static_cast<std::uint64_t>(n < 0 ? 0 : n));
    return out;
  }
  const int tens = n / 10;
  const int ones = n % 10;
  std::string out;
  if (tens > 1) out.append(kDigits[static_cast<std::size_t>(tens)]);
  if (tens > 0) out.append("十");
  if (ones > 0) out.append(kDigits[static_cast<std::size_t>(ones)]);
  return out;
}

// Open-addressing set of 64-bit name hashes. A name whose hash is absent is
// certainly new, so rejecting on a (rare) false hash match only costs a retry
// and never breaks uniqueness. Avoids a node allocation per customer.
class HashSet64 {
 public:
  explicit HashSet64(std::size_t expected) {
    std::size_t capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
  }

  // Returns false when the hash is already present (nothing is inserted).
  bool Insert(std::uint64_t h) {
    if (h == 0) h = 1;  // 0 marks an empty slot
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    std::size_t i = static_cast<std::size_t>(h) & mask_;
    while (slots_[i] != 0) {
      if (slots_[i] == h) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = h;
    ++size_;
    return true;
  }

 private:
  void Grow() {
    std::vector<std::uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (std::uint64_t h : old) {
      if (h == 0) continue;
      std::size_t i = static_cast<std::size_t>(h) & mask_;
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = h;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

std::uint64_t HashString(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a, then a finalizer
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return Finalize64(h);
}

// ---------------------------------------------------------------------------
// Static data: org tree, cities, users.
// ---------------------------------------------------------------------------

constexpr std::string_view kCompanyName = "华擎工业集团有限公司";

struct RegionSpec {
  std::string_view key;
  std::string_view name;
};

constexpr std::array<RegionSpec, 4> kRegions = {{
    {"east", "华东区域"},
    {"north", "华北区域"},
    {"south", "华南区域"},
    {"west", "西南区域"},
}};

struct CitySpec {
  std::string_view key;
  std::string_view region_key;
  std::string_view name;         // 苏州
  std::string_view city_text;    // 苏州市 (address prefix)
  std::string_view region_text;  // 江苏省苏州市
  std::string_view province;     // 江苏 ("" for municipalities)
  std::string_view division;     // 320500
  std::string_view area_code;    // 0512
  std::string_view phone_first;  // allowed first digits of the 8-digit local number
  std::string_view english;      // Suzhou
  std::span<const std::string_view> districts;
  std::span<const std::string_view> streets;
  int weight;  // share of customers
};

constexpr std::string_view kShDistricts[] = {"浦东新区", "闵行区", "嘉定区", "松江区", "宝山区"};
constexpr std::string_view kShStreets[] = {"张江路", "金科路", "春东路", "嘉松北路", "富联路"};
constexpr std::string_view kSzDistricts[] = {"工业园区", "高新区", "吴中区", "相城区", "吴江区"};
constexpr std::string_view kSzStreets[] = {"星湖街", "金鸡湖大道", "狮山路", "苏州大道东",
                                           "东环路"};
constexpr std::string_view kNjDistricts[] = {"江宁区", "栖霞区", "浦口区", "雨花台区"};
constexpr std::string_view kNjStreets[] = {"将军大道", "仙林大道", "浦滨路", "软件大道"};
constexpr std::string_view kHzDistricts[] = {"滨江区", "余杭区", "萧山区", "西湖区"};
constexpr std::string_view kHzStreets[] = {"江南大道", "文一西路", "市心北路", "网商路"};
constexpr std::string_view kBjDistricts[] = {"朝阳区", "海淀区", "大兴区", "顺义区", "丰台区"};
constexpr std::string_view kBjStreets[] = {"建国路", "中关村大街", "荣华中路", "天竺路",
                                           "科创十三街"};
constexpr std::string_view kTjDistricts[] = {"滨海新区", "西青区", "东丽区", "津南区"};
constexpr std::string_view kTjStreets[] = {"第三大街", "海泰南道", "津塘公路", "雅深路"};
constexpr std::string_view kGzDistricts[] = {"天河区", "黄埔区", "番禺区", "白云区"};
constexpr std::string_view kGzStreets[] = {"天河路", "科学大道", "市桥街", "机场路"};
constexpr std::string_view kSnDistricts[] = {"南山区", "福田区", "宝安区", "龙岗区"};
constexpr std::string_view kSnStreets[] = {"高新南一道", "深南大道", "宝安大道", "龙岗大道"};
constexpr std::string_view kCdDistricts[] = {"高新区", "武侯区", "双流区", "龙泉驿区"};
constexpr std::string_view kCdStreets[] = {"天府大道", "人民南路", "西航港大道", "驿都大道"};
constexpr std::string_view kCqDistricts[] = {"渝北区", "江北区", "九龙坡区", "沙坪坝区"};
constexpr std::string_view kCqStreets[] = {"金开大道", "建新东路", "科园一路", "大学城中路"};

constexpr std::array<CitySpec, 10> kCities = {{
    {"east-shanghai", "east", "上海", "上海市", "上海市", "", "310000", "021", "5", "Shanghai",
     kShDistricts, kShStreets, 16},
    {"east-suzhou", "east", "苏州", "苏州市", "江苏省苏州市", "江苏", "320500", "0512", "6",
     "Suzhou", kSzDistricts, kSzStreets, 14},
    {"east-nanjing", "east", "南京", "南京市", "江苏省南京市", "江苏", "320100", "025", "58",
     "Nanjing", kNjDistricts, kNjStreets, 8},
    {"east-hangzhou", "east", "杭州", "杭州市", "浙江省杭州市", "浙江", "330100", "0571", "8",
     "Hangzhou", kHzDistricts, kHzStreets, 10},
    {"north-beijing", "north", "北京", "北京市", "北京市", "", "110000", "010", "568", "Beijing",
     kBjDistricts, kBjStreets, 15},
    {"north-tianjin", "north", "天津", "天津市", "天津市", "", "120000", "022", "2568", "Tianjin",
     kTjDistricts, kTjStreets, 6},
    {"south-guangzhou", "south", "广州", "广州市", "广东省广州市", "广东", "440100", "020", "38",
     "Guangzhou", kGzDistricts, kGzStreets, 10},
    {"south-shenzhen", "south", "深圳", "深圳市", "广东省深圳市", "广东", "440300", "0755", "28",
     "Shenzhen", kSnDistricts, kSnStreets, 9},
    {"west-chengdu", "west", "成都", "成都市", "四川省成都市", "四川", "510100", "028", "68",
     "Chengdu", kCdDistricts, kCdStreets, 7},
    {"west-chongqing", "west", "重庆", "重庆市", "重庆市", "", "500000", "023", "67", "Chongqing",
     kCqDistricts, kCqStreets, 5},
}};

struct UserSpec {
  std::string_view username;
  std::string_view display_name;
  std::string_view role;
  std::string_view unit;
};

// Fixed user list (independent of seed and customer count). The first block
// holds the well-known accounts that tests and demos log in with.
constexpr std::array<UserSpec, 41> kUsers = {{
    {"admin", "系统管理员", "admin", "hq"},
    {"exec", "陈建国", "executive", "hq"},
    {"specialist", "刘芳", "specialist", "hq"},
    {"dir.east", "周志强", "director", "east"},
    {"dir.north", "赵立军", "director", "north"},
    {"dir.south", "黄海涛", "director", "south"},
    {"dir.west", "杨雪梅", "director", "west"},
    {"kam.sh", "王磊", "kam", "east-shanghai"},
    {"kam.sz", "沈浩然", "kam", "east-suzhou"},
    {"asst.sh", "徐佳", "assistant", "east-shanghai"},
    {"svc.east", "吴静", "service", "east"},
    {"sales.sz", "陆鹏", "sales", "east-suzhou"},
    // Further head-office and regional staff.
    {"huang.zhiyuan", "黄志远", "executive", "hq"},
    {"li.na", "李娜", "specialist", "hq"},
    {"sun.li", "孙丽", "service", "north"},
    {"he.yong", "何勇", "service", "south"},
    {"luo.ting", "罗婷", "service", "west"},
    // City staff.
    {"zhang.wei", "张伟", "kam", "east-shanghai"},
    {"zhu.hao", "朱浩", "sales", "east-shanghai"},
    {"gu.min", "顾敏", "kam", "east-suzhou"},
    {"qian.lin", "钱琳", "assistant", "east-suzhou"},
    {"ma.jun", "马骏", "kam", "east-nanjing"},
    {"song.yan", "宋艳", "sales", "east-nanjing"},
    {"fang.xin", "方欣", "kam", "east-hangzhou"},
    {"ye.feng", "叶峰", "kam", "east-hangzhou"},
    {"jiang.hui", "蒋慧", "assistant", "east-hangzhou"},
    {"liu.yang", "刘洋", "kam", "north-beijing"},
    {"wang.jing", "王静", "kam", "north-beijing"},
    {"zhao.qian", "赵倩", "assistant", "north-beijing"},
    {"gao.peng", "高鹏", "sales", "north-beijing"},
    {"han.bin", "韩斌", "kam", "north-tianjin"},
    {"dong.xue", "董雪", "sales", "north-tianjin"},
    {"liang.jie", "梁杰", "kam", "south-guangzhou"},
    {"lin.yi", "林怡", "kam", "south-guangzhou"},
    {"mai.xiaoling", "麦晓玲", "assistant", "south-guangzhou"},
    {"zheng.hao", "郑昊", "kam", "south-shenzhen"},
    {"xie.wen", "谢雯", "sales", "south-shenzhen"},
    {"deng.chao", "邓超", "kam", "west-chengdu"},
    {"tang.li", "唐莉", "assistant", "west-chengdu"},
    {"peng.tao", "彭涛", "kam", "west-chongqing"},
    {"ran.xiaoyu", "冉晓宇", "sales", "west-chongqing"},
}};

// ---------------------------------------------------------------------------
// Static data: customer name parts and descriptive texts.
// ---------------------------------------------------------------------------

struct Syllable {
  std::string_view hanzi;
  std::string_view pinyin;
};

// 字号 characters; two distinct ones form a brand (~7,000 combinations).
constexpr Syllable kBrandChars[] = {
    {"恒", "heng"},   {"瑞", "rui"},   {"华", "hua"},   {"东", "dong"},  {"方", "fang"},
    {"鑫", "xin"},    {"达", "da"},    {"通", "tong"},  {"信", "xin"},   {"宏", "hong"},
    {"远", "yuan"},   {"中", "zhong"}, {"联", "lian"},  {"泰", "tai"},   {"丰", "feng"},
    {"盛", "sheng"},  {"源", "yuan"},  {"昌", "chang"}, {"隆", "long"},  {"兴", "xing"},
    {"安", "an"},     {"德", "de"},    {"利", "li"},    {"永", "yong"},  {"新", "xin"},
    {"天", "tian"},   {"海", "hai"},   {"金", "jin"},   {"锦", "jin"},   {"博", "bo"},
    {"创", "chuang"}, {"科", "ke"},    {"力", "li"},    {"凯", "kai"},   {"益", "yi"},
    {"嘉", "jia"},    {"和", "he"},    {"亚", "ya"},    {"明", "ming"},  {"光", "guang"},
    {"正", "zheng"},  {"伟", "wei"},   {"峰", "feng"},  {"骏", "jun"},   {"汇", "hui"},
    {"聚", "ju"},     {"宇", "yu"},    {"航", "hang"},  {"润", "run"},   {"祥", "xiang"},
    {"福", "fu"},     {"立", "li"},    {"诚", "cheng"}, {"威", "wei"},   {"晨", "chen"},
    {"辰", "chen"},   {"阳", "yang"},  {"启", "qi"},    {"星", "xing"},  {"诺", "nuo"},
    {"辉", "hui"},    {"腾", "teng"},  {"耀", "yao"},   {"卓", "zhuo"},  {"越", "yue"},
    {"捷", "jie"},    {"拓", "tuo"},   {"精", "jing"},  {"亿", "yi"},    {"万", "wan"},
    {"佳", "jia"},    {"旭", "xu"},    {"瀚", "han"},   {"鸿", "hong"},  {"顺", "shun"},
    {"欣", "xin"},    {"普", "pu"},    {"赛", "sai"},   {"众", "zhong"}, {"合", "he"},
    {"元", "yuan"},   {"鼎", "ding"},  {"尚", "shang"}, {"弘", "hong"},  {"振", "zhen"},
};

constexpr std::string_view kEnBrandHeads[] = {
    "Nord", "Alpen", "Hansa", "Rhein", "Lumen",  "Vector", "Stella",  "Terra",
    "Aqua", "Orion", "Polar", "Atlas", "Delta",  "Nova",   "Sigma",   "Baltic",
    "Kron", "Vita",  "Helio", "Ferro", "Cobalt", "Summit", "Pacific", "Merid"};
constexpr std::string_view kEnBrandTails[] = {
    "well", "tech", "tron", "mark", "field", "stone", "line", "gate", "wave", "core",
    "lux",  "max",  "tec",  "ion",  "star",  "berg",  "haus", "dyne", "form", "path"};

struct IndustrySpec {
  std::string_view name;
  std::span<const std::string_view> words;     // Chinese name parts
  std::span<const std::string_view> en_words;  // English name parts
  std::span<const std::string_view> businesses;
  int weight;
};

constexpr std::string_view kMfgWords[] = {"精密机械", "机械制造", "机电设备",  "智能装备",
                                          "模具",     "重工",     "自动化设备"};
constexpr std::string_view kMfgEn[] = {"Precision Machinery", "Automation", "Industrial Equipment"};
constexpr std::string_view kMfgBiz[] = {"数控机床及零部件的研发、生产和销售",
                                        "非标自动化设备设计制造", "工业机器人集成与产线改造",
                                        "精密模具及注塑件加工"};
constexpr std::string_view kPowerWords[] = {"电力",       "电力设备", "供电服务", "能源",
                                            "新能源科技", "电气",     "热电",     "光伏科技"};
constexpr std::string_view kPowerEn[] = {"Electric Power Equipment", "Energy Technology",
                                         "Electrical Systems"};
constexpr std::string_view kPowerBiz[] = {"输配电设备制造与电力工程安装", "分布式光伏电站投资运营",
                                          "热电联产及区域供热", "配电网运维及供电服务"};
constexpr std::string_view kAutoWords[] = {"汽车零部件", "汽车部件", "汽车电子", "汽车销售服务"};
constexpr std::string_view kAutoEn[] = {"Auto Parts", "Automotive Electronics"};
constexpr std::string_view kAutoBiz[] = {"汽车底盘及车身结构件生产", "车载电子控制单元研发制造",
                                         "整车销售及售后维修服务"};
constexpr std::string_view kPharmaWords[] = {"医药", "生物医药", "制药", "医疗器械"};
constexpr std::string_view kPharmaEn[] = {"Pharmaceutical", "Medical Devices", "Life Sciences"};
constexpr std::string_view kPharmaBiz[] = {"化学原料药及制剂生产", "医疗器械研发与销售",
                                           "生物制品研发与产业化"};
constexpr std::string_view kLogisticsWords[] = {"物流", "供应链管理", "货运", "仓储物流"};
constexpr std::string_view kLogisticsEn[] = {"Logistics", "Supply Chain Management"};
constexpr std::string_view kLogisticsBiz[] = {"公路干线运输及城市配送",
                                              "第三方仓储与供应链管理服务", "国际货运代理"};
constexpr std::string_view kFinanceWords[] = {"村镇银行", "融资租赁", "保险代理", "投资管理"};
constexpr std::string_view kFinanceEn[] = {"Financial Leasing", "Investment Management"};
constexpr std::string_view kFinanceBiz[] = {"吸收公众存款、发放短期中长期贷款", "设备融资租赁业务",
                                            "企业财产保险代理服务"};
constexpr std::string_view kChemWords[] = {"化工", "新材料", "精细化工", "涂料"};
constexpr std::string_view kChemEn[] = {"Chemical", "Advanced Materials", "Coatings"};
constexpr std::string_view kChemBiz[] = {"精细化学品及中间体生产", "工业涂料研发与生产",
                                         "高分子新材料研发制造"};
constexpr std::string_view kBuildWords[] = {"建设工程", "建筑安装工程", "市政工程", "工程咨询"};
constexpr std::string_view kBuildEn[] = {"Engineering", "Construction"};
constexpr std::string_view kBuildBiz[] = {"房屋建筑及市政工程施工总承包", "机电安装工程施工",
                                          "工程造价咨询与项目管理"};
constexpr std::string_view kElecWords[] = {"电子", "信息技术", "软件", "半导体", "光电科技"};
constexpr std::string_view kElecEn[] = {"Electronics", "Semiconductor", "Information Technology"};
constexpr std::string_view kElecBiz[] = {"印制电路板组装及电子产品制造", "功率半导体器件设计与封测",
                                         "工业软件开发与系统集成"};
constexpr std::string_view kRetailWords[] = {"商贸", "百货", "连锁超市", "贸易"};
constexpr std::string_view kRetailEn[] = {"Trading", "Retail"};
constexpr std::string_view kRetailBiz[] = {"日用消费品批发零售", "连锁超市经营", "进出口贸易"};
constexpr std::string_view kSteelWords[] = {"钢铁", "特钢", "钢材贸易", "金属制品"};
constexpr std::string_view kSteelEn[] = {"Steel", "Metal Products"};
constexpr std::string_view kSteelBiz[] = {"优特钢棒线材冶炼与轧制", "钢材加工配送",
                                          "金属结构件制造"};
constexpr std::string_view kTelecomWords[] = {"通信技术", "通信设备", "网络科技", "信息通信"};
constexpr std::string_view kTelecomEn[] = {"Telecommunications", "Network Technology"};
constexpr std::string_view kTelecomBiz[] = {"通信基站建设与运维服务", "光通信设备研发制造",
                                            "企业专网及物联网解决方案"};
constexpr std::string_view kFoodWords[] = {"食品", "饮料", "乳业"};
constexpr std::string_view kFoodEn[] = {"Food", "Beverage"};
constexpr std::string_view kFoodBiz[] = {"休闲食品生产与销售", "饮料灌装生产", "乳制品加工"};

constexpr std::array<IndustrySpec, 13> kIndustries = {{
    {"制造业", kMfgWords, kMfgEn, kMfgBiz, 22},
    {"电力能源", kPowerWords, kPowerEn, kPowerBiz, 14},
    {"汽车", kAutoWords, kAutoEn, kAutoBiz, 9},
    {"医药", kPharmaWords, kPharmaEn, kPharmaBiz, 6},
    {"物流", kLogisticsWords, kLogisticsEn, kLogisticsBiz, 6},
    {"金融", kFinanceWords, kFinanceEn, kFinanceBiz, 4},
    {"化工", kChemWords, kChemEn, kChemBiz, 8},
    {"建筑工程", kBuildWords, kBuildEn, kBuildBiz, 7},
    {"电子信息", kElecWords, kElecEn, kElecBiz, 9},
    {"零售", kRetailWords, kRetailEn, kRetailBiz, 4},
    {"钢铁", kSteelWords, kSteelEn, kSteelBiz, 5},
    {"通信", kTelecomWords, kTelecomEn, kTelecomBiz, 4},
    {"食品饮料", kFoodWords, kFoodEn, kFoodBiz, 2},
}};
constexpr std::size_t kPowerIndustry = 1;  // index of 电力能源 in kIndustries

constexpr std::array<Weighted, 4> kSuffixes = {
    {{"有限公司", 60}, {"股份有限公司", 25}, {"集团有限公司", 10}, {"有限责任公司", 5}}};

constexpr std::array<Weighted, 7> kOwnerships = {{{"state_owned", 18},
                                                  {"private", 58},
                                                  {"foreign", 6},
                                                  {"joint_venture", 7},
                                                  {"public_institution", 4},
                                                  {"government", 2},
                                                  {"other", 5}}};

constexpr std::array<Weighted, 4> kScales = {
    {{"large", 15}, {"medium", 30}, {"small", 35}, {"micro", 20}}};
constexpr std::array<Weighted, 3> kKeyAccountScales = {
    {{"large", 55}, {"medium", 35}, {"small", 10}}};

constexpr std::array<Weighted, 5> kRatings = {
    {{"AAA", 8}, {"AA", 27}, {"A", 40}, {"B", 18}, {"C", 7}}};
constexpr std::array<Weighted, 3> kKeyRatings = {{{"AAA", 25}, {"AA", 45}, {"A", 30}}};
constexpr std::array<Weighted, 3> kTargetRatings = {{{"", 40}, {"A", 35}, {"B", 25}}};

constexpr int kActivePaymentTerms[] = {0, 15, 30, 30, 45, 60, 60, 90, 90, 120, 180};
constexpr int kTargetPaymentTerms[] = {0, 30, 60};

constexpr std::string_view kTraits[] = {
    "决策流程规范",         "决策链较短",   "重视产品质量与交付周期", "价格敏感度较高",
    "注重长期合作关系",     "技术要求高",   "正在推进数字化转型",     "设备更新需求旺盛",
    "对售后服务响应要求高", "采购集中度高", "有集团集采要求",         "环保合规压力较大"};

constexpr std::string_view kCompetitors[] = {
    "华能达工业服务", "中诚装备",     "恒通机电", "远大智控", "金盾电气",
    "博创自动化",     "蓝海能源服务", "西岭科技", "东科工业", "新纪元设备"};

constexpr std::string_view kBusinessNotes[] = {"",
                                               "计划明年扩建二期产线，存在设备采购需求。",
                                               "年度预算通常在第四季度确定。",
                                               "正在评估节能改造方案。",
                                               "已进入集团合格供应商名录。",
                                               "新任总经理上任，采购策略可能调整。",
                                               "对国产替代方案兴趣较大。",
                                               "今年产能利用率较高，维保需求增加。"};

constexpr std::string_view kActiveTradingNotes[] = {"",
                                                    "合作稳定，回款及时。",
                                                    "年度框架协议，按季度下单。",
                                                    "曾出现回款延迟，需关注。",
                                                    "主要采购备品备件，单笔金额较小。",
                                                    "去年完成一期改造项目，二期在洽谈中。"};
constexpr std::string_view kTargetTradingNotes[] = {"", "已完成技术交流，等待报价反馈。",
                                                    "样品测试中。", "正在参与招标入围。"};
constexpr std::string_view kProspectTradingNotes[] = {"", "", "展会获取线索，尚未拜访。",
                                                      "通过老客户转介绍获得联系方式。"};

// Contacts.
constexpr Syllable kSurnames[] = {
    {"王", "wang"},  {"李", "li"},   {"张", "zhang"}, {"刘", "liu"},  {"陈", "chen"},
    {"杨", "yang"},  {"赵", "zhao"}, {"黄", "huang"}, {"周", "zhou"}, {"吴", "wu"},
    {"徐", "xu"},    {"孙", "sun"},  {"胡", "hu"},    {"朱", "zhu"},  {"高", "gao"},
    {"林", "lin"},   {"何", "he"},   {"郭", "guo"},   {"马", "ma"},   {"罗", "luo"},
    {"梁", "liang"}, {"宋", "song"}, {"郑", "zheng"}, {"谢", "xie"},  {"韩", "han"},
    {"唐", "tang"},  {"冯", "feng"}, {"于", "yu"},    {"董", "dong"}, {"萧", "xiao"},
    {"程", "cheng"}, {"曹", "cao"},  {"袁", "yuan"},  {"邓", "deng"}, {"许", "xu"},
    {"傅", "fu"},    {"沈", "shen"}, {"曾", "zeng"},  {"彭", "peng"}, {"吕", "lv"}};

constexpr Syllable kGivenChars[] = {
    {"伟", "wei"},  {"芳", "fang"},  {"娜", "na"},   {"敏", "min"},  {"静", "jing"},
    {"丽", "li"},   {"强", "qiang"}, {"磊", "lei"},  {"军", "jun"},  {"洋", "yang"},
    {"勇", "yong"}, {"艳", "yan"},   {"杰", "jie"},  {"娟", "juan"}, {"涛", "tao"},
    {"明", "ming"}, {"超", "chao"},  {"秀", "xiu"},  {"霞", "xia"},  {"平", "ping"},
    {"刚", "gang"}, {"英", "ying"},  {"华", "hua"},  {"建", "jian"}, {"国", "guo"},
    {"文", "wen"},  {"辉", "hui"},   {"玲", "ling"}, {"婷", "ting"}, {"鹏", "peng"},
    {"飞", "fei"},  {"斌", "bin"},   {"浩", "hao"},  {"宇", "yu"},   {"晨", "chen"},
    {"欣", "xin"},  {"雪", "xue"},   {"琳", "lin"},  {"佳", "jia"},  {"俊", "jun"},
    {"峰", "feng"}, {"志", "zhi"},   {"海", "hai"},  {"波", "bo"},   {"东", "dong"},
    {"红", "hong"}, {"亮", "liang"}, {"慧", "hui"},  {"颖", "ying"}, {"晓", "xiao"}};

struct TitleSpec {
  std::string_view title;
  std::string_view department;
};

constexpr TitleSpec kDecisionTitles[] = {{"总经理", "总经理办公室"},
                                         {"副总经理", "总经理办公室"},
                                         {"采购总监", "采购部"},
                                         {"生产副总", "生产管理部"},
                                         {"董事长", "董事会办公室"}};
constexpr TitleSpec kInfluencerTitles[] = {{"技术总监", "技术部"},
                                           {"财务总监", "财务部"},
                                           {"设备部经理", "设备部"},
                                           {"采购部经理", "采购部"},
                                           {"总工程师", "技术中心"}};
constexpr TitleSpec kUserTitles[] = {{"设备部主管", "设备部"}, {"技术工程师", "技术部"},
                                     {"生产主管", "生产部"},   {"车间主任", "生产车间"},
                                     {"质量工程师", "质量部"}, {"运维工程师", "运维部"}};
constexpr TitleSpec kGatekeeperTitles[] = {
    {"总经理助理", "总经理办公室"}, {"行政主管", "行政部"}, {"采购专员", "采购部"}};
constexpr TitleSpec kOtherTitles[] = {
    {"项目经理", "项目部"}, {"档案管理员", "行政部"}, {"安全主管", "安全环保部"}};

constexpr std::array<Weighted, 4> kContactRoles = {
    {{"influencer", 35}, {"user", 35}, {"gatekeeper", 15}, {"", 15}}};

constexpr std::string_view kInterests[] = {"高尔夫", "茶艺", "摄影", "钓鱼", "书法", "马拉松",
                                           "羽毛球", "登山", "红酒", "围棋", "旅游", "篮球"};
constexpr std::string_view kContactNotes[] = {
    "喜欢喝龙井茶",       "周末常打高尔夫", "沟通偏好微信",       "不喜欢电话打扰，建议邮件预约",
    "对技术细节要求严格", "孩子在读高中",   "曾在同行业外企任职", "说话直接，重视数据"};
constexpr std::string_view kFreeMailDomains[] = {"163.com", "126.com", "qq.com", "sina.com"};

std::string_view OwnershipWord(std::string_view ownership) {
  if (ownership == "state_owned") return "国有";
  if (ownership == "private") return "民营";
  if (ownership == "foreign") return "外资";
  if (ownership == "joint_venture") return "中外合资";
  if (ownership == "public_institution") return "事业单位下属";
  if (ownership == "government") return "政府平台";
  return "其他类型";
}

std::string_view ScaleWord(std::string_view scale) {
  if (scale == "large") return "大型";
  if (scale == "medium") return "中型";
  if (scale == "small") return "小型";
  return "微型";
}

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

// Indices into kUsers grouped per city, computed once per call (no globals).
struct StaffIndex {
  std::array<std::vector<int>, kCities.size()> city_kams;
  std::array<std::vector<int>, kCities.size()> city_team;    // assistants + sales
  std::array<std::vector<int>, kCities.size()> region_kams;  // kams of the city's region
  std::array<std::vector<int>, kCities.size()> region_team;  // team of the city's region
};

StaffIndex BuildStaffIndex() {
  StaffIndex index;
  for (std::size_t c = 0; c < kCities.size(); ++c) {
    for (std::size_t u = 0; u < kUsers.size(); ++u) {
      const UserSpec& user = kUsers[u];
      const bool is_kam = user.role == "kam";
      const bool is_team = user.role == "assistant" || user.role == "sales";
      if (!is_kam && !is_team) continue;
      bool same_region = false;
      for (const CitySpec& other : kCities) {
        if (other.key == user.unit && other.region_key == kCities[c].region_key) same_region = true;
      }
      const int ui = static_cast<int>(u);
      if (user.unit == kCities[c].key)
        (is_kam ? index.city_kams[c] : index.city_team[c]).push_back(ui);
      if (same_region) (is_kam ? index.region_kams[c] : index.region_team[c]).push_back(ui);
    }
  }
  return index;
}

struct BrandChoice {
  std::string name;
  std::string website;
};

// Builds a Chinese company name candidate and its website.
BrandChoice MakeChineseName(Rng& rng, const CitySpec& city, std::string_view word) {
  const std::size_t n = std::size(kBrandChars);
  const std::size_t a = rng.Uniform(static_cast<std::uint32_t>(n));
  std::size_t b = rng.Uniform(static_cast<std::uint32_t>(n - 1));
  if (b >= a) ++b;  // two distinct characters
  const Syllable& s1 = kBrandChars[a];
  const Syllable& s2 = kBrandChars[b];
  std::string brand = Cat(s1.hanzi, s2.hanzi);

  BrandChoice out;
  const int pattern = static_cast<int>(rng.Uniform(100));
  const std::string_view suffix = PickWeighted(rng, kSuffixes);
  if (pattern < 55) {
    out.name = Cat(city.name, brand, word, suffix);  // 苏州恒瑞精密机械有限公司
  } else if (pattern < 70) {
    const std::string_view prefix = city.province.empty() ? city.name : city.province;
    out.name = Cat(prefix, brand, word, suffix);  // 江苏恒瑞精密机械有限公司
  } else if (pattern < 90) {
    out.name = Cat(brand, word, "（", city.name, "）有限公司");  // 恒瑞精密机械（苏州）有限公司
  } else {
    out.name = Cat(brand, word, suffix);  // 恒瑞精密机械股份有限公司
  }
  const int site = static_cast<int>(rng.Uniform(100));
  if (site < 60) {
    out.website = Cat("www.", s1.pinyin, s2.pinyin, ".com.cn");
  } else if (site < 80) {
    out.website = Cat("www.", s1.pinyin, s2.pinyin, ".com");
  }
  return out;
}

BrandChoice MakeEnglishName(Rng& rng, const CitySpec& city, std::string_view business) {
  const std::string_view head = rng.Pick(kEnBrandHeads);
  const std::string_view tail = rng.Pick(kEnBrandTails);
  BrandChoice out;
  if (rng.Percent(50)) {
    out.name = Cat(head, tail, " ", city.english, " ", business, " Co., Ltd.");
  } else {
    out.name = Cat(head, tail, " ", business, " (", city.english, ") Co., Ltd.");
  }
  if (rng.Percent(85)) {
    out.website = Cat("www.", head, tail, ".com.cn");
    for (char& c : out.website) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// Registers a unique company name: a few random attempts, then a numbered
// branch suffix on the last attempt, so uniqueness holds at any count.
BrandChoice MakeUniqueName(Rng& rng, HashSet64& used_names, const CitySpec& city,
                           const IndustrySpec& industry, std::string_view word, bool english) {
  constexpr int kAttempts = 8;
  BrandChoice choice;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    choice = english ? MakeEnglishName(rng, city, rng.Pick(industry.en_words))
                     : MakeChineseName(rng, city, attempt == 0 ? word : rng.Pick(industry.words));
    if (used_names.Insert(HashString(choice.name))) return choice;
  }
  const std::string base = choice.name;
  for (int branch = 2;; ++branch) {
    if (english) {
      choice.name = base;
      choice.name.append(" Branch No.");
      AppendInt(choice.name, static_cast<std::uint64_t>(branch));
    } else {
      choice.name = Cat(base, "（第", ChineseNumber(branch), "分公司）");
    }
    if (used_names.Insert(HashString(choice.name))) return choice;
  }
}

// 9-character organisation part of a credit code. The last 7 characters are
// an affine permutation of the customer index modulo 31^7, so codes of
// distinct customers always differ (31^7 > INT_MAX); the first 2 add variety.
std::string OrgCode(Rng& rng, std::uint64_t index, std::uint64_t mul, std::uint64_t add) {
  constexpr std::uint64_t kModulus = 27512614111ULL;  // 31^7
  std::uint64_t v = (mul * index + add) % kModulus;   // mul < 2^32, index < 2^31: no overflow
  std::string out;
  out.reserve(9);
  if (rng.Percent(40)) {
    out.append("MA");
  } else {
    out.push_back(kCreditAlphabet[rng.Uniform(31)]);
    out.push_back(kCreditAlphabet[rng.Uniform(31)]);
  }
  char digits[7];
  for (int i = 6; i >= 0; --i) {
    digits[i] = kCreditAlphabet[static_cast<std::size_t>(v % 31)];
    v /= 31;
  }
  out.append(digits, 7);
  return out;
}

// Every demo customer is a registered enterprise (names end in 有限公司 / Co.,
// Ltd., including government platform companies), hence prefix "91":
// registration authority 9 = 市场监管 (工商), type 1 = 企业.
std::string MakeCreditCode(Rng& rng, const CitySpec& city, std::uint64_t index, std::uint64_t mul,
                           std::uint64_t add) {
  std::string code = Cat("91", city.division, OrgCode(rng, index, mul, add));
  code.push_back(CreditCheckChar(code));
  return code;
}

std::string MakeMobile(Rng& rng) {
  static constexpr std::string_view kPrefixes[] = {
      "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
      "155", "156", "157", "158", "159", "180", "181", "182", "186", "187", "188", "189"};
  std::string out;
  out.reserve(11);
  out.append(rng.Pick(kPrefixes));
  AppendDigits(out, rng, 8);
  return out;
}

void AddContacts(Rng& rng, DemoCustomer& customer, int count) {
  customer.contacts.reserve(static_cast<std::size_t>(count));
  std::string_view domain = customer.website;
  if (domain.starts_with("www.")) domain.remove_prefix(4);
  std::array<int, 8> influencers{};
  int influencer_count = 0;
  for (int i = 0; i < count; ++i) {
    DemoContact& contact = customer.contacts.emplace_back();  // built in place: no moves
    const Syllable& surname = rng.Pick(kSurnames);
    const Syllable& given1 = rng.Pick(kGivenChars);
    const bool two_chars = rng.Percent(55);
    const Syllable& given2 = rng.Pick(kGivenChars);
    contact.name = two_chars ? Cat(surname.hanzi, given1.hanzi, given2.hanzi)
                             : Cat(surname.hanzi, given1.hanzi);

    const TitleSpec* title = nullptr;
    if (i == 0) {
      // Exactly one decision maker per customer, at the top of the tree.
      contact.buying_role = "decision_maker";
      title = &rng.Pick(kDecisionTitles);
      contact.reports_to_index = -1;
    } else {
      contact.buying_role = std::string(PickWeighted(rng, kContactRoles));
      if (contact.buying_role == "influencer") {
        title = &rng.Pick(kInfluencerTitles);
      } else if (contact.buying_role == "user") {
        title = &rng.Pick(kUserTitles);
      } else if (contact.buying_role == "gatekeeper") {
        title = &rng.Pick(kGatekeeperTitles);
      } else {
        title = &rng.Pick(kOtherTitles);
      }
      // Influencers and gatekeepers report to the decision maker; users and
      // others usually to an earlier influencer (their functional manager).
      contact.reports_to_index = 0;
      const bool low_level = contact.buying_role == "user" || contact.buying_role.empty();
      if (low_level && influencer_count > 0 && rng.Percent(70)) {
        contact.reports_to_index =
            influencers[rng.Uniform(static_cast<std::uint32_t>(influencer_count))];
      }
      if (contact.buying_role == "influencer" &&
          influencer_count < static_cast<int>(influencers.size())) {
        influencers[static_cast<std::size_t>(influencer_count++)] = i;
      }
    }
    contact.title = std::string(title->title);
    contact.department = std::string(title->department);
    contact.phone = MakeMobile(rng);

    if (rng.Percent(88)) {
      const std::string_view g2 = two_chars ? given2.pinyin : std::string_view();
      if (!domain.empty() && rng.Percent(75)) {
        contact.email = Cat(surname.pinyin, given1.pinyin, g2, "@", domain);
      } else {
        contact.email = Cat(surname.pinyin, given1.pinyin, g2);
        AppendInt(contact.email, 60 + rng.Uniform(40), 2);
        contact.email.push_back('@');
        contact.email.append(rng.Pick(kFreeMailDomains));
      }
    }
    if (rng.Percent(60)) {
      const std::string_view first = rng.Pick(kInterests);
      const std::string_view second = rng.Pick(kInterests);
      contact.interests =
          (rng.Percent(50) && first != second) ? Cat(first, "、", second) : std::string(first);
    }
    if (rng.Percent(50)) contact.birthday = RandomDate(rng, 1962, 1998);
    if (rng.Percent(35)) contact.notes = std::string(rng.Pick(kContactNotes));
  }
}

// Revenue in 万元 and employee ranges per scale; values skew toward the low
// end of each range (quadratic), like real company size distributions.
void SetSize(Rng& rng, DemoCustomer& customer) {
  std::int64_t wan_lo = 10, wan_hi = 300;
  int emp_lo = 1, emp_hi = 19;
  if (customer.scale == "large") {
    wan_lo = 40000, wan_hi = 2000000, emp_lo = 1000, emp_hi = 30000;
  } else if (customer.scale == "medium") {
    wan_lo = 2000, wan_hi = 40000, emp_lo = 300, emp_hi = 999;
  } else if (customer.scale == "small") {
    wan_lo = 300, wan_hi = 2000, emp_lo = 20, emp_hi = 299;
  }
  const std::int64_t u = rng.Uniform(1000);
  const std::int64_t wan = wan_lo + (wan_hi - wan_lo) * u * u / 1000000;
  customer.annual_revenue_fen = wan * 1000000;  // 1 万元 = 10,000 yuan = 1,000,000 fen
  const std::int64_t e = rng.Uniform(1000);
  customer.employees = emp_lo + static_cast<int>((emp_hi - emp_lo) * e * e / 1000000);
}

std::string MakeCharacteristics(Rng& rng, const DemoCustomer& customer) {
  const std::string_view owner = OwnershipWord(customer.ownership);
  const std::string_view t1 = rng.Pick(kTraits);
  std::string_view t2 = rng.Pick(kTraits);
  if (t2 == t1) t2 = kTraits[0] == t1 ? kTraits[1] : kTraits[0];
  return Cat(owner, ScaleWord(customer.scale), "企业，", t1, "，", t2, "。");
}

std::string MakeCompetitors(Rng& rng) {
  const int n = static_cast<int>(rng.Uniform(4));  // 0..3
  std::string out;
  std::array<std::string_view, 3> chosen{};
  int chosen_count = 0;
  for (int i = 0; i < n; ++i) {
    const std::string_view c = rng.Pick(kCompetitors);
    bool dup = false;
    for (int j = 0; j < chosen_count; ++j) dup = dup || chosen[static_cast<std::size_t>(j)] == c;
    if (dup) continue;
    chosen[static_cast<std::size_t>(chosen_count++)] = c;
    if (!out.empty()) out.append("、");
    out.append(c);
  }
  return out;
}

void AssignStaff(Rng& rng, const StaffIndex& staff, std::size_t city_index,
                 DemoCustomer& customer) {
  const std::vector<int>& kams = staff.city_kams[city_index].empty() ? staff.region_kams[city_index]
                                                                     : staff.city_kams[city_index];
  const bool unowned = customer.stage == "prospect" && rng.Percent(10);
  if (!unowned && !kams.empty()) {
    customer.owner_username =
        std::string(kUsers[static_cast<std::size_t>(rng.Pick(kams))].username);
  }
  const int wanted =
      static_cast<int>(customer.stage == "prospect" ? rng.Uniform(2) : rng.Uniform(3));
  customer.team_usernames.reserve(static_cast<std::size_t>(wanted));
  for (int k = 0; k < wanted; ++k) {
    // The first member comes from the city when possible; later ones may
    // come from anywhere in the region.
    const std::vector<int>& pool = (k == 0 && !staff.city_team[city_index].empty())
                                       ? staff.city_team[city_index]
                                       : staff.region_team[city_index];
    if (pool.empty()) break;
    for (int attempt = 0; attempt < 4; ++attempt) {
      const std::string_view name = kUsers[static_cast<std::size_t>(rng.Pick(pool))].username;
      bool taken = name == customer.owner_username;
      for (const std::string& member : customer.team_usernames) taken = taken || member == name;
      if (!taken) {
        customer.team_usernames.emplace_back(name);
        break;
      }
    }
  }
}

}  // namespace

bool IsValidCreditCode(std::string_view code) {
  if (code.size() != 18) return false;
  for (char c : code) {
    if (CreditValue(c) < 0) return false;
  }
  return CreditCheckChar(code.substr(0, 17)) == code[17];
}

DemoCompany GenerateDemoCompany(std::uint64_t seed, int customer_count) {
  DemoCompany company;

  // Org tree: root, 4 regions, 10 cities.
  company.units.reserve(1 + kRegions.size() + kCities.size());
  company.units.push_back({"hq", "", Cat(kCompanyName, "总部"), "company"});
  for (const RegionSpec& region : kRegions) {
    company.units.push_back({std::string(region.key), "hq", std::string(region.name), "region"});
  }
  for (const CitySpec& city : kCities) {
    company.units.push_back(
        {std::string(city.key), std::string(city.region_key), Cat(city.name, "分公司"), "city"});
  }

  company.users.reserve(kUsers.size());
  for (const UserSpec& user : kUsers) {
    company.users.push_back({std::string(user.username), std::string(user.display_name),
                             std::string(user.role), std::string(user.unit)});
  }

  if (customer_count <= 0) return company;
  const std::size_t count = static_cast<std::size_t>(customer_count);
  const StaffIndex staff = BuildStaffIndex();
  HashSet64 used_names(count);

  // Parameters of the credit-code index permutation; mul must be coprime
  // with 31 and below 2^32 (see OrgCode).
  const std::uint64_t seed_mix = Finalize64(seed ^ 0x5DEECE66DULL);
  std::uint64_t credit_mul = (seed_mix % 0xFFFFFFF0ULL) | 1;
  if (credit_mul % 31 == 0) credit_mul += 2;
  const std::uint64_t credit_add = Finalize64(seed_mix) % 27512614111ULL;

  // reserve + emplace_back (not resize) so each customer is zero-initialised
  // right before it is filled, while its memory is still in cache.
  company.customers.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    // Each customer has its own stream, so fields of one customer do not
    // shift when the generation of another changes.
    Rng rng(Finalize64(seed * 0xD1B54A32D192ED03ULL + Finalize64(i + 0x9E37ULL)));
    DemoCustomer& c = company.customers.emplace_back();

    c.external_ref = "C";
    AppendInt(c.external_ref, i + 1, 6);

    const std::size_t city_index = PickWeightedIndex(rng, kCities);
    const CitySpec& city = kCities[city_index];
    c.org_unit_key = std::string(city.key);
    c.region = std::string(city.region_text);

    const int stage_roll = static_cast<int>(rng.Uniform(100));
    c.stage = stage_roll < 60 ? "active" : stage_roll < 80 ? "target" : "prospect";
    c.is_key_account = c.stage == "active" && rng.Percent(15);

    // The first two customers are anchored in the power sector so substring
    // searches for "电力" and "供电" always find something.
    std::size_t industry_index = PickWeightedIndex(rng, kIndustries);
    if (i < 2) industry_index = kPowerIndustry;
    const IndustrySpec& industry = kIndustries[industry_index];
    c.industry = std::string(industry.name);
    std::string_view word = rng.Pick(industry.words);
    if (i == 0) word = "电力设备";
    if (i == 1) word = "供电服务";

    const bool english = i >= 2 && rng.Percent(5);
    if (english) {
      c.ownership = rng.Percent(70) ? "foreign" : "joint_venture";
    } else {
      c.ownership = std::string(PickWeighted(rng, kOwnerships));
    }
    BrandChoice brand = MakeUniqueName(rng, used_names, city, industry, word, english);
    c.name = std::move(brand.name);
    c.website = std::move(brand.website);

    c.scale = std::string(c.is_key_account ? PickWeighted(rng, kKeyAccountScales)
                                           : PickWeighted(rng, kScales));
    SetSize(rng, c);

    if (!(c.stage == "prospect" && rng.Percent(5))) {
      c.credit_code = MakeCreditCode(rng, city, i, credit_mul, credit_add);
    }

    // Separate statements: argument evaluation order is unspecified and
    // would make the output compiler-dependent.
    const std::string_view district = rng.Pick(city.districts);
    const std::string_view street = rng.Pick(city.streets);
    c.address = Cat(city.city_text, district, street);
    AppendInt(c.address, 1 + rng.Uniform(999));
    c.address.append("号");

    c.phone = Cat(city.area_code, "-");
    c.phone.push_back(
        city.phone_first[rng.Uniform(static_cast<std::uint32_t>(city.phone_first.size()))]);
    AppendDigits(c.phone, rng, 7);

    AssignStaff(rng, staff, city_index, c);

    // Founding date: mostly 1990-2024, some older (state-owned) companies.
    const int era = static_cast<int>(rng.Uniform(100));
    const int founded_lo = era < 10 ? 1950 : era < 60 ? 1990 : 2010;
    const int founded_hi = era < 10 ? 1989 : era < 60 ? 2009 : 2024;
    c.founded_on = RandomDate(rng, founded_lo, founded_hi);
    c.characteristics = MakeCharacteristics(rng, c);

    c.main_business = std::string(rng.Pick(industry.businesses));
    c.competitors = MakeCompetitors(rng);
    const int p = static_cast<int>(rng.Uniform(100));
    if (c.is_key_account) {
      c.potential = p < 70 ? "high" : "medium";
    } else if (c.stage == "active") {
      c.potential = p < 25 ? "high" : p < 75 ? "medium" : "low";
    } else if (c.stage == "target") {
      c.potential = p < 35 ? "high" : p < 80 ? "medium" : "low";
    } else {
      c.potential = p < 20 ? "high" : p < 60 ? "medium" : "low";
    }
    c.business_notes = std::string(rng.Pick(kBusinessNotes));

    const int founded_year = (c.founded_on[0] - '0') * 1000 + (c.founded_on[1] - '0') * 100 +
                             (c.founded_on[2] - '0') * 10 + (c.founded_on[3] - '0');
    const int deal_lo = founded_year > 2005 ? founded_year : 2005;
    if (c.stage == "active") {
      c.first_deal_on = RandomDate(rng, deal_lo, 2024);
      c.credit_rating = std::string(c.is_key_account ? PickWeighted(rng, kKeyRatings)
                                                     : PickWeighted(rng, kRatings));
      c.payment_terms_days = rng.Pick(kActivePaymentTerms);
      c.trading_notes = std::string(rng.Pick(kActiveTradingNotes));
    } else if (c.stage == "target") {
      if (rng.Percent(30)) c.first_deal_on = RandomDate(rng, deal_lo, 2024);  // a trial order
      c.credit_rating = std::string(PickWeighted(rng, kTargetRatings));
      c.payment_terms_days = rng.Pick(kTargetPaymentTerms);
      c.trading_notes = std::string(rng.Pick(kTargetTradingNotes));
    } else {
      c.payment_terms_days = 0;
      c.trading_notes = std::string(rng.Pick(kProspectTradingNotes));
    }
    // ISO dates compare lexicographically; a deal cannot predate founding.
    if (!c.first_deal_on.empty() && c.first_deal_on < c.founded_on) c.first_deal_on = c.founded_on;

    int contact_count = 0;
    if (c.stage == "prospect") {
      contact_count = static_cast<int>(rng.Uniform(3));  // 0..2
    } else if (c.is_key_account) {
      contact_count = rng.Range(4, 6);
    } else {
      contact_count = rng.Range(2, 6);
    }
    AddContacts(rng, c, contact_count);
  }
  return company;
}

}  // namespace kams::demo
