// The program's operator new and delete: small blocks freed by a thread are kept on that
// thread's lists, one per 16-byte size class, and handed out again before the C library is
// asked. A document's model is some thousands of small strings and vectors, all freed when
// its output is written and all made again, in the same sizes, for the next document; glibc's
// own per-thread cache holds 7 blocks of a size, and the rest went through its bins (sorting,
// consolidating) each time: a tenth of a batch's time (measured: bench/RESULTS.md).
//
// Why not a library: Debian's mimalloc, linked in its place (the CMake option
// JIXIAO_ALLOCATOR=mimalloc), was measured side by side on the corpus (bench/run.py, 200 paired
// runs of `convert` over 100 documents): 1.057× this file's time with one job [1.033–1.078],
// 1.063× with two [1.052–1.078] — past the 2% that would have let it replace this file. Plain
// glibc malloc was reported at 1.067× in the issue that asked for this measurement. So this
// file stays, and is kept small.
//
// Blocks still come from malloc and go back to free: a block from one thread may be freed by
// another (a batch's documents are written by whichever reader is in turn) and simply joins
// that thread's lists. Each thread keeps at most kMaxCachedBytes, the rest is freed at once; a
// thread's lists are freed when it ends. Under AddressSanitizer the sanitizer's own operator
// new and delete stay in place, so that it still sees every use after free.
#include <cstddef>
#include <cstdlib>
#include <new>

#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
#define JIXIAO_NO_THREAD_CACHE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define JIXIAO_NO_THREAD_CACHE 1
#endif
#endif

#ifndef JIXIAO_NO_THREAD_CACHE
namespace {

constexpr std::size_t kGranule = 16;
constexpr std::size_t kLargestCached = 4096;
constexpr std::size_t kClasses = kLargestCached / kGranule + 1;
constexpr std::size_t kMaxCachedBytes = 32u << 20;

struct FreeBlock {
  FreeBlock* next;
};

// Zero-initialised and trivially destructible, so that reaching it costs no guard.
enum class State : unsigned char { unused, caching, ended };
struct Lists {
  FreeBlock* head[kClasses];
  std::size_t bytes;
  State state;
};
thread_local Lists lists;

void drain(Lists& l) {
  for (FreeBlock*& head : l.head)
    while (head) {
      FreeBlock* b = head;
      head = b->next;
      std::free(b);
    }
  l.bytes = 0;
}

// Registered on a thread's first free: its lists go back to the C library when it ends, and
// what it frees after that (other thread-local destructors) goes straight to free.
struct Ender {
  ~Ender() {
    drain(lists);
    lists.state = State::ended;
  }
};
thread_local Ender ender;

void* allocate(std::size_t n) {
  if (n - 1 < kLargestCached) {  // 1 .. kLargestCached
    const std::size_t c = (n + kGranule - 1) / kGranule;
    Lists& l = lists;
    if (FreeBlock* b = l.head[c]) {
      l.head[c] = b->next;
      l.bytes -= c * kGranule;
      return b;
    }
    n = c * kGranule;
  }
  for (;;) {
    if (void* p = std::malloc(n ? n : 1)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

// `p` onto the list of class `c` (a block that serves requests of c * kGranule bytes), or to
// the C library when this thread keeps no more.
void keep(void* p, std::size_t c) noexcept {
  Lists& l = lists;
  if (l.state != State::ended && l.bytes < kMaxCachedBytes) {
    if (l.state == State::unused) {
      Ender* volatile registered = &ender;  // constructs it, with its destructor, on this thread
      (void)registered;
      l.state = State::caching;
    }
    FreeBlock* b = static_cast<FreeBlock*>(p);
    b->next = l.head[c];
    l.head[c] = b;
    l.bytes += c * kGranule;
    return;
  }
  std::free(p);
}

// A block whose size is not known: whatever size was asked for, it serves any request up to
// its usable size, and joins the list of the largest class it can serve. Only blocks of the
// cached sizes: a large buffer goes back to the C library whole.
void release(void* p) noexcept {
  if (!p) return;
  const std::size_t usable = malloc_usable_size(p);
  if (usable - kGranule < kLargestCached)
    keep(p, (usable < kLargestCached ? usable : kLargestCached) / kGranule);
  else
    std::free(p);
}

// A block of `n` bytes as asked of allocate(), which made it at least its class's size: it
// goes back to that class without a look at the C library's header.
void release(void* p, std::size_t n) noexcept {
  if (!p) return;
  if (n - 1 < kLargestCached)
    keep(p, (n + kGranule - 1) / kGranule);
  else
    std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t n) noexcept { release(p, n); }
void operator delete[](void* p, std::size_t n) noexcept { release(p, n); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
#endif
