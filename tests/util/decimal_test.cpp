#include <catch2/catch.hpp>

#include "jixiao/decimal.hpp"

using jixiao::Decimal;

static std::string canon(const char* s) { return Decimal::parse(s)->to_string(); }

TEST_CASE("decimals keep what was written, canonically") {
  CHECK(canon("12.57") == "12.57");
  CHECK(canon("25.00") == "25");
  CHECK(canon("0") == "0");
  CHECK(canon("0.50") == "0.5");
  CHECK(canon("-3.10") == "-3.1");
  CHECK(canon("-0.00") == "0");
  CHECK(canon("007.5") == "7.5");
  CHECK(canon("0.0001") == "0.0001");
  CHECK(canon("123456789012345678") == "123456789012345678");
}

TEST_CASE("decimals refuse what is not a plain number") {
  for (const char* bad : {"", "-", ".", "12.", ".5e3", "1e5", "12,57", "１２", "1.2.3", " 1",
                          "1234567890123456789"})
    CHECK_FALSE(Decimal::parse(bad).has_value());
}

TEST_CASE("sums are exact where binary floating point is not") {
  // 0.1 + 0.2 != 0.3 in binary floating point; budgets must never suffer that.
  auto sum = Decimal::parse("0.1")->plus(*Decimal::parse("0.2"));
  REQUIRE(sum);
  CHECK(*sum == *Decimal::parse("0.3"));
  // The reference document's eight budgets add up to 326.46 万元.
  Decimal total = Decimal::from_int(0);
  for (const char* b : {"12.57", "133.38", "3.00", "49.53", "25.00", "20.00", "74.98", "8.00"})
    total = *total.plus(*Decimal::parse(b));
  CHECK(total.to_string() == "326.46");
  CHECK(Decimal::parse("133.38")->compare(*Decimal::parse("130.38")) > 0);
  CHECK(Decimal::parse("2")->compare(*Decimal::parse("2.000")) == 0);
  CHECK(*Decimal::parse("-1") < *Decimal::parse("0"));
}

TEST_CASE("overflow is reported, not wrapped") {
  auto big = Decimal::parse("999999999999999999");
  REQUIRE(big);
  std::optional<Decimal> sum = big;
  for (int i = 0; i < 20 && sum; ++i) sum = sum->plus(*big);
  CHECK_FALSE(sum.has_value());
  CHECK_FALSE(big->plus(*Decimal::parse("0.1")).has_value());
}

TEST_CASE("differences and changes in percent are exact") {
  auto d = [](const char* s) { return *Decimal::parse(s); };
  CHECK(d("15").minus(d("12.57"))->to_string() == "2.43");
  CHECK(d("0.1").minus(d("0.3"))->to_string() == "-0.2");
  CHECK(d("12.57").percent_change(d("15"))->to_string() == "19.33");    // 19.3317…
  CHECK(d("3").percent_change(d("2"))->to_string() == "-33.33");        // -33.333…
  CHECK(d("3").percent_change(d("1"))->to_string() == "-66.67");        // half away from zero
  CHECK(d("8").percent_change(d("8.0001"), 4)->to_string() == "0.0013");  // 0.00125 -> 0.0013
  CHECK(d("100").percent_change(d("250"))->to_string() == "150");
  CHECK_FALSE(d("0").percent_change(d("5")).has_value());
  CHECK_FALSE(d("999999999999999999").percent_change(d("0.000000000000000001")).has_value());  // too large
}
