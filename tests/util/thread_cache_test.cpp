// The program's operator new and delete (src/util/thread_cache.cpp): blocks of every size come
// back whole and distinct, across threads, and a thread's freed small blocks are what it gets
// next. Under a sanitizer the replacement is left out, and only the first holds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <new>
#include <random>
#include <thread>
#include <vector>

#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

namespace {

struct Block {
  unsigned char* p;
  std::size_t n;
  unsigned char mark;
};

Block make(std::size_t n, unsigned char mark) {
  auto* p = static_cast<unsigned char*>(::operator new(n));
  std::memset(p, mark, n);
  return {p, n, mark};
}

bool intact(const Block& b) {
  return std::all_of(b.p, b.p + b.n, [&](unsigned char c) { return c == b.mark; });
}

}  // namespace

TEST_CASE("operator new: every size, filled and freed in another thread, never shared") {
  std::mt19937 random(20261201);
  std::vector<Block> live;
  int broken = 0;
  for (int round = 0; round < 4; ++round) {
    std::thread maker([&] {
      for (int k = 0; k < 4000; ++k) {
        std::size_t n = k % 10 == 0 ? 4000 + random() % 9000 : 1 + random() % 4200;
        live.push_back(make(n, static_cast<unsigned char>(random())));
      }
    });
    maker.join();
    // Half freed by this thread, in a shuffled order: a block from another thread joins this
    // thread's lists, and what is made next must not overlap what is still live.
    std::shuffle(live.begin(), live.end(), random);
    for (std::size_t k = 0; k < live.size() / 2; ++k) {
      broken += !intact(live.back());
      ::operator delete(live.back().p);
      live.pop_back();
    }
    for (int k = 0; k < 2000; ++k) live.push_back(make(1 + random() % 5000, static_cast<unsigned char>(random())));
    for (const Block& b : live) broken += !intact(b);
  }
  for (const Block& b : live) {
    broken += !intact(b);
#ifdef __cpp_sized_deallocation  // g++ passes sizes; clang 14 does not by default
    ::operator delete(b.p, b.n);
#else
    ::operator delete(b.p);
#endif
  }
  CHECK(broken == 0);
  void* empty = ::operator new(0);
  CHECK(empty != nullptr);
  ::operator delete(empty);
}

#ifndef SANITIZED
TEST_CASE("operator new: a request the C library cannot meet is bad_alloc, or null when nothrow") {
  // (AddressSanitizer aborts on such a request instead, by design.)
  void* none = ::operator new(std::size_t(1) << 62, std::nothrow);
  CHECK(none == nullptr);
  CHECK_THROWS_AS(::operator new(std::size_t(1) << 62), std::bad_alloc);
}

TEST_CASE("operator new: a thread's freed small blocks are what it gets next, last freed first") {
  std::thread worker([] {
    std::vector<void*> blocks;
    for (int k = 0; k < 100; ++k) blocks.push_back(::operator new(1000));
    for (void* p : blocks) ::operator delete(p);
    std::vector<void*> again;
    for (int k = 0; k < 100; ++k) again.push_back(::operator new(1000));
    // glibc alone keeps 7 blocks of a size per thread; the rest would come from its bins.
    CHECK(std::equal(again.begin(), again.end(), blocks.rbegin()));
    // A request is served in its 16-byte class: 20 bytes asked, 32 usable at least.
    void* small = ::operator new(20);
    CHECK(malloc_usable_size(small) >= 32);
    ::operator delete(small);
    for (void* p : again) ::operator delete(p);
#ifdef __cpp_sized_deallocation
    // Freed with its size, a block goes back to the class it was asked in: the next request of
    // that class gets it, one of the class below does not.
    std::vector<void*> sized;
    for (std::size_t n : {100, 200, 300}) sized.push_back(::operator new(n));
    ::operator delete(sized[1], 200);
    void* below = ::operator new(180);
    CHECK(below != sized[1]);
    CHECK(::operator new(193) == sized[1]);
    ::operator delete(below, 180);
    for (std::size_t k = 0; k < 3; ++k) ::operator delete(sized[k], 100 * (k + 1));
#endif
    // A large block is the C library's: freed, not kept.
    void* large = ::operator new(1 << 20);
    ::operator delete(large);
  });
  worker.join();
}
#endif
