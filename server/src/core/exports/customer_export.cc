#include "core/exports/customer_export.h"

#include <cstdlib>
#include <utility>

namespace kams {
namespace {

// A coded value and its words in each language.
struct Words {
  std::string_view code, zh, en;
};

constexpr Words kStages[] = {
    {"prospect", "潜在客户", "Prospect"},
    {"target", "目标客户", "Target"},
    {"active", "现实客户", "Active customer"},
};
constexpr Words kOwnerships[] = {
    {"state_owned", "国有", "State-owned"},
    {"private", "民营", "Private"},
    {"foreign", "外资", "Foreign"},
    {"joint_venture", "合资", "Joint venture"},
    {"public_institution", "事业单位", "Public institution"},
    {"government", "政府机关", "Government"},
    {"other", "其他", "Other"},
};
constexpr Words kScales[] = {
    {"large", "大型", "Large"},
    {"medium", "中型", "Medium"},
    {"small", "小型", "Small"},
    {"micro", "微型", "Micro"},
};
constexpr Words kPotentials[] = {
    {"high", "高", "High"},
    {"medium", "中", "Medium"},
    {"low", "低", "Low"},
};
constexpr Words kRelationshipWords[] = {
    {"observer", "观察者", "Observer"},
    {"supplier", "供应商", "Supplier"},
    {"preferred_supplier", "首选供应商", "Preferred supplier"},
    {"business_advisor", "业务顾问", "Business advisor"},
    {"strategic_partner", "战略合作伙伴", "Strategic partner"},
};
constexpr Words kLoyalties[] = {
    {"lost", "流失客户", "Lost"},
    {"watcher", "观望者", "Watcher"},
    {"new", "新客户", "New"},
    {"regular", "常规客户", "Regular"},
    {"loyal", "忠诚客户", "Loyal"},
};

template <std::size_t N>
ExportCell Worded(const Words (&table)[N], const std::string& code, ExportLang lang) {
  if (code.empty()) return ExportCell::Empty();
  for (const auto& w : table) {
    if (w.code == code) return ExportCell::Text(std::string(lang == ExportLang::kZhCn ? w.zh : w.en));
  }
  return ExportCell::Text(code);  // a code this build does not know: as stored
}

ExportCell Text(const std::string& s) {
  return s.empty() ? ExportCell::Empty() : ExportCell::Text(s);
}
ExportCell Text(const std::optional<std::string>& s) {
  return s ? Text(*s) : ExportCell::Empty();
}
ExportCell Number(const std::optional<std::int64_t>& v) {
  return v ? ExportCell::Number(std::to_string(*v)) : ExportCell::Empty();
}

// The columns: heading in Chinese, heading in English. CustomerExportRow follows this order.
constexpr std::pair<std::string_view, std::string_view> kColumns[] = {
    {"客户编号", "ID"},
    {"外部编号", "External ref"},
    {"客户名称", "Customer name"},
    {"客户阶段", "Stage"},
    {"大客户", "Key account"},
    {"级别", "Tier"},
    {"统一社会信用代码", "Unified social credit code"},
    {"行业", "Industry"},
    {"地区", "Region"},
    {"所属组织", "Org unit"},
    {"大客户经理", "KAM"},
    {"地址", "Address"},
    {"电话", "Phone"},
    {"网站", "Website"},
    {"所有制", "Ownership"},
    {"企业规模", "Company size"},
    {"员工人数", "Employees"},
    {"成立日期", "Founded on"},
    {"年营业额（元）", "Annual revenue (yuan)"},
    {"主营业务", "Main business"},
    {"发展潜力", "Potential"},
    {"关系阶段", "Relationship stage"},
    {"忠诚度", "Loyalty"},
    {"首次成交日期", "First deal on"},
    {"信用等级", "Credit rating"},
    {"账期（天）", "Payment terms (days)"},
    {"客户特征", "Characteristics"},
    {"竞争对手", "Competitors"},
    {"业务说明", "Business notes"},
    {"交易说明", "Trading notes"},
    {"创建时间", "Created"},
    {"更新时间", "Updated"},
};

std::string TwoDigits(std::int64_t v) {
  return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

}  // namespace

std::optional<ExportLang> ParseExportLang(std::string_view text) {
  if (text == "zh-CN") return ExportLang::kZhCn;
  if (text == "en-US") return ExportLang::kEnUs;
  return std::nullopt;
}

std::vector<std::string> CustomerExportHeader(ExportLang lang) {
  std::vector<std::string> names;
  names.reserve(std::size(kColumns));
  for (const auto& [zh, en] : kColumns) names.emplace_back(lang == ExportLang::kZhCn ? zh : en);
  return names;
}

std::string CustomerExportSheetName(ExportLang lang) {
  return lang == ExportLang::kZhCn ? "客户" : "Customers";
}

std::string FenAsYuan(std::int64_t fen) {
  // Unsigned magnitude: the most negative int64 has no positive counterpart.
  const bool negative = fen < 0;
  const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(fen)
                                     : static_cast<std::uint64_t>(fen);
  const std::uint64_t cents = mag % 100;
  std::string s = negative ? "-" : "";
  s += std::to_string(mag / 100);
  s += '.';
  s += static_cast<char>('0' + cents / 10);
  s += static_cast<char>('0' + cents % 10);
  return s;
}

std::string BusinessDateTime(Timestamp t) {
  const std::int64_t secs = t / kMicrosPerSecond - (t % kMicrosPerSecond < 0 ? 1 : 0) +
                            kBusinessUtcOffsetSeconds;
  std::int64_t days = secs / 86400;
  std::int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  return FormatCivilDate(CivilFromDays(days)) + " " + TwoDigits(rem / 3600) + ":" +
         TwoDigits(rem % 3600 / 60);
}

std::vector<ExportCell> CustomerExportRow(const Customer& c, ExportLang lang) {
  const bool zh = lang == ExportLang::kZhCn;
  std::vector<ExportCell> row;
  row.reserve(std::size(kColumns));
  row.push_back(ExportCell::Number(std::to_string(c.id)));
  row.push_back(Text(c.external_ref));
  row.push_back(Text(c.name));
  row.push_back(Worded(kStages, c.stage, lang));
  row.push_back(ExportCell::Text(c.is_key_account ? (zh ? "是" : "Yes") : (zh ? "否" : "No")));
  row.push_back(Text(c.tier));
  row.push_back(Text(c.credit_code));
  row.push_back(Text(c.industry));
  row.push_back(Text(c.region));
  row.push_back(Text(c.org_unit_name));
  row.push_back(Text(c.owner_name));
  row.push_back(Text(c.address));
  row.push_back(Text(c.phone));
  row.push_back(Text(c.website));
  row.push_back(Worded(kOwnerships, c.ownership, lang));
  row.push_back(Worded(kScales, c.scale, lang));
  row.push_back(Number(c.employees));
  row.push_back(Text(c.founded_on));
  row.push_back(c.annual_revenue_fen ? ExportCell::Number(FenAsYuan(*c.annual_revenue_fen))
                                     : ExportCell::Empty());
  row.push_back(Text(c.main_business));
  row.push_back(Worded(kPotentials, c.potential, lang));
  row.push_back(Worded(kRelationshipWords, c.relationship_stage, lang));
  row.push_back(Worded(kLoyalties, c.loyalty, lang));
  row.push_back(Text(c.first_deal_on));
  row.push_back(Text(c.credit_rating));
  row.push_back(Number(c.payment_terms_days));
  row.push_back(Text(c.characteristics));
  row.push_back(Text(c.competitors));
  row.push_back(Text(c.business_notes));
  row.push_back(Text(c.trading_notes));
  row.push_back(ExportCell::Text(BusinessDateTime(c.created_at)));
  row.push_back(ExportCell::Text(BusinessDateTime(c.updated_at)));
  return row;
}

}  // namespace kams
