// The pure rules of a handover: the order's shape, who receives what, and which roles may
// receive it.
#include <gtest/gtest.h>

#include <map>

#include "core/engagement/handover.h"

namespace kams {
namespace {

using K = HandoverKind;

std::map<std::string, std::string> Fields(const Error& e) {
  std::map<std::string, std::string> out;
  for (const auto& f : e.fields) out[f.field] = f.problem;
  return out;
}

TEST(HandoverOrder, ModeAndSuccessorsAreCheckedTogether) {
  struct Case {
    const char* name;
    HandoverOrder order;
    std::optional<HandoverMode> mode;             // when accepted
    std::map<std::string, std::string> problems;  // when refused
  };
  const std::map<Id, Id> m{{1, 7}};
  const Case cases[] = {
      {"one successor defaults to single",
       {{7}, std::nullopt, std::nullopt},
       HandoverMode::kSingle,
       {}},
      {"round robin over two",
       {{7, 8}, HandoverMode::kRoundRobin, std::nullopt},
       HandoverMode::kRoundRobin,
       {}},
      {"round robin over one is fine",
       {{7}, HandoverMode::kRoundRobin, std::nullopt},
       HandoverMode::kRoundRobin,
       {}},
      {"mapping", {{7, 8}, HandoverMode::kMapping, m}, HandoverMode::kMapping, {}},
      {"nobody", {{}, std::nullopt, std::nullopt}, std::nullopt, {{"to_user_ids", "required"}}},
      {"several need a mode",
       {{7, 8}, std::nullopt, std::nullopt},
       std::nullopt,
       {{"mode", "required"}}},
      {"single takes one",
       {{7, 8}, HandoverMode::kSingle, std::nullopt},
       std::nullopt,
       {{"to_user_ids", "single_takes_one"}}},
      {"duplicates",
       {{7, 8, 7}, HandoverMode::kRoundRobin, std::nullopt},
       std::nullopt,
       {{"to_user_ids[2]", "duplicate"}}},
      {"mapping mode without a mapping",
       {{7}, HandoverMode::kMapping, std::nullopt},
       std::nullopt,
       {{"mapping", "required"}}},
      {"a mapping without mapping mode",
       {{7, 8}, HandoverMode::kRoundRobin, m},
       std::nullopt,
       {{"mapping", "only_with_mode_mapping"}}},
      {"a mapping and no mode", {{7}, std::nullopt, m}, std::nullopt, {{"mode", "required"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = CheckOrder(c.order);
    if (c.mode) {
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_EQ(*r, *c.mode);
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
      EXPECT_EQ(Fields(r.error()), c.problems);
    }
  }
  HandoverOrder many;
  for (Id i = 1; i <= static_cast<Id>(kMaxSuccessors) + 1; ++i) many.to_user_ids.push_back(i);
  many.mode = HandoverMode::kRoundRobin;
  auto r = CheckOrder(many);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Fields(r.error())["to_user_ids"], "too_many");
}

// entity id → successor, for one kind.
std::map<Id, Id> To(const std::vector<HandoverItem>& items, K kind) {
  std::map<Id, Id> out;
  for (const auto& i : items) {
    if (i.kind == kind) out[i.entity_id] = i.to_user_id;
  }
  return out;
}

TEST(HandoverPlan, SingleGivesEverythingToTheSuccessor) {
  const std::vector<Holding> held = {{K::kNotification, 40, std::nullopt},
                                     {K::kCustomer, 2, 2},
                                     {K::kTeamSeat, 9, 9},
                                     {K::kNextStep, 30, 2},
                                     {K::kRequest, 31, 9},
                                     {K::kNomination, 50, 2}};
  auto plan = PlanHandover(held, HandoverMode::kSingle, {7}, {});
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->size(), held.size());
  // Kind order, then entity id.
  EXPECT_EQ((*plan)[0].kind, K::kCustomer);
  EXPECT_EQ((*plan)[5].kind, K::kNotification);
  for (const auto& i : *plan) EXPECT_EQ(i.to_user_id, 7);
  EXPECT_EQ((*plan)[3].customer_id, std::optional<Id>(9));
}

TEST(HandoverPlan, RoundRobinDealsCustomersEvenlyAndTiedItemsFollowTheirCustomer) {
  std::vector<Holding> held;
  // Customers in any order; one next step on a customer that moves, two that are dealt out.
  for (Id c = 10; c >= 1; --c) held.push_back({K::kCustomer, c, c});
  held.push_back({K::kNextStep, 100, 4});
  held.push_back({K::kNextStep, 101, 99});
  held.push_back({K::kNextStep, 102, std::nullopt});
  held.push_back({K::kNotification, 200, 5});
  held.push_back({K::kTeamSeat, 99, 99});
  auto plan = PlanHandover(held, HandoverMode::kRoundRobin, {7, 8, 9}, {});
  ASSERT_TRUE(plan.ok());
  const auto customers = To(*plan, K::kCustomer);
  std::map<Id, int> per_successor;
  for (const auto& [c, u] : customers) ++per_successor[u];
  EXPECT_EQ(per_successor, (std::map<Id, int>{{7, 4}, {8, 3}, {9, 3}}));
  // Customers in id order: 1→7, 2→8, 3→9, 4→7, …
  EXPECT_EQ(customers.at(1), 7);
  EXPECT_EQ(customers.at(2), 8);
  EXPECT_EQ(customers.at(4), 7);
  const auto steps = To(*plan, K::kNextStep);
  EXPECT_EQ(steps.at(100), customers.at(4));
  EXPECT_EQ(steps.at(101), 7);  // dealt out per kind, starting with the first successor
  EXPECT_EQ(steps.at(102), 8);
  EXPECT_EQ(To(*plan, K::kNotification).at(200), customers.at(5));
  EXPECT_EQ(To(*plan, K::kTeamSeat).at(99), 7);
}

TEST(HandoverPlan, MappingNamesEveryOwnedCustomer) {
  const std::vector<Holding> held = {
      {K::kCustomer, 1, 1}, {K::kCustomer, 2, 2}, {K::kNomination, 60, 2}, {K::kNomination, 61, 5}};
  auto plan = PlanHandover(held, HandoverMode::kMapping, {7, 8}, {{1, 8}, {2, 7}});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(To(*plan, K::kCustomer), (std::map<Id, Id>{{1, 8}, {2, 7}}));
  EXPECT_EQ(To(*plan, K::kNomination), (std::map<Id, Id>{{60, 7}, {61, 7}}));

  struct Case {
    const char* name;
    std::map<Id, Id> mapping;
    std::map<std::string, std::string> problems;
  };
  const Case cases[] = {
      {"a customer left out", {{1, 8}}, {{"mapping.2", "required"}}},
      {"a customer not owned", {{1, 8}, {2, 7}, {3, 7}}, {{"mapping.3", "not_owned"}}},
      {"not a successor", {{1, 8}, {2, 9}}, {{"mapping.2", "not_a_successor"}}},
      {"all at once",
       {{3, 7}},
       {{"mapping.1", "required"}, {"mapping.2", "required"}, {"mapping.3", "not_owned"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = PlanHandover(held, HandoverMode::kMapping, {7, 8}, c.mapping);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(Fields(r.error()), c.problems);
  }
}

TEST(HandoverPlan, NothingHeldPlansNothing) {
  auto plan = PlanHandover({}, HandoverMode::kRoundRobin, {7, 8}, {});
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->empty());
}

TEST(HandoverRoles, WhoMayReceiveAndWhoDirectorsMayHandOver) {
  struct Row {
    Role role;
    bool owns, works, director_may;
  } rows[] = {
      {Role::kAdmin, false, false, false},  {Role::kExecutive, false, false, false},
      {Role::kDirector, true, true, false}, {Role::kKam, true, true, true},
      {Role::kAssistant, true, true, true}, {Role::kSpecialist, false, true, false},
      {Role::kService, false, true, true},  {Role::kSales, true, true, true},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(RoleName(r.role)));
    EXPECT_EQ(CanOwnAccounts(r.role), r.owns);
    EXPECT_EQ(CanTakeOverWork(r.role), r.works);
    EXPECT_EQ(DirectorMayHandOver(r.role), r.director_may);
  }
  for (HandoverKind k : kHandoverKinds) EXPECT_EQ(ParseHandoverKind(HandoverKindName(k)), k);
  for (HandoverMode m :
       {HandoverMode::kSingle, HandoverMode::kRoundRobin, HandoverMode::kMapping}) {
    EXPECT_EQ(ParseHandoverMode(HandoverModeName(m)), m);
  }
  EXPECT_FALSE(ParseHandoverMode("random").has_value());
}

}  // namespace
}  // namespace kams
