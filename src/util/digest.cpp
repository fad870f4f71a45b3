// SHA-256 and Base64 (digest.hpp). On Linux, OpenSSL's SHA256_Init/Update/Final: they need no
// library initialisation and no provider (the one-shot SHA256() and EVP_Q_digest load the default
// provider first: 1.7 ms more per process, and their static link pulls in dlopen and the
// resolver, which a static glibc cannot serve) and use the CPU's SHA instructions where it has
// them (bench/RESULTS.md). OpenSSL 3 marks them deprecated, not removed. On Windows, CNG's
// classic calls (Vista and later, and Wine) and crypt32's Base64.
#ifdef _WIN32
#include <windows.h>
#include <bcrypt.h>
#include <wincrypt.h>
#else
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#endif

#include <stdexcept>

#include "util/digest.hpp"

namespace jixiao::util {

#ifdef _WIN32
namespace {

// The provider, opened once for the process (CNG's handles may be shared between threads).
BCRYPT_ALG_HANDLE sha256_provider() {
  static const BCRYPT_ALG_HANDLE provider = [] {
    BCRYPT_ALG_HANDLE h = nullptr;
    if (BCryptOpenAlgorithmProvider(&h, BCRYPT_SHA256_ALGORITHM, nullptr, 0) < 0)
      throw std::runtime_error("BCryptOpenAlgorithmProvider(SHA256) failed");
    return h;
  }();
  return provider;
}

}  // namespace

Sha256 sha256(const void* data, std::size_t size) {
  BCRYPT_HASH_HANDLE hash = nullptr;
  if (BCryptCreateHash(sha256_provider(), &hash, nullptr, 0, nullptr, 0, 0) < 0)
    throw std::runtime_error("BCryptCreateHash failed");
  auto* p = static_cast<UCHAR*>(const_cast<void*>(data));
  bool ok = true;
  while (ok && size > 0) {  // ULONG lengths: in pieces under 4 GiB
    const ULONG n = size > 0x40000000u ? 0x40000000u : static_cast<ULONG>(size);
    ok = BCryptHashData(hash, p, n, 0) >= 0;
    p += n;
    size -= n;
  }
  Sha256 digest;
  ok = ok && BCryptFinishHash(hash, digest.data(), static_cast<ULONG>(digest.size()), 0) >= 0;
  BCryptDestroyHash(hash);
  if (!ok) throw std::runtime_error("BCryptHashData failed");
  return digest;
}

std::string base64(const Sha256& digest) {
  char out[64];
  DWORD n = sizeof out;
  if (!CryptBinaryToStringA(digest.data(), static_cast<DWORD>(digest.size()), CRYPT_STRING_BASE64 | CRYPT_STRING_NOCRLF,
                            out, &n))
    throw std::runtime_error("CryptBinaryToStringA failed");
  return std::string(out, n);
}
#else
Sha256 sha256(const void* data, std::size_t size) {
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, data, size);
  Sha256 digest;
  SHA256_Final(digest.data(), &ctx);
  return digest;
}

std::string base64(const Sha256& digest) {
  unsigned char out[4 * ((sizeof(Sha256) + 2) / 3) + 1];
  const int n = EVP_EncodeBlock(out, digest.data(), static_cast<int>(digest.size()));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}
#endif

std::string hex(const Sha256& digest) {
  static const char digits[] = "0123456789abcdef";
  std::string out(2 * digest.size(), '0');
  for (std::size_t k = 0; k < digest.size(); ++k) {
    out[2 * k] = digits[digest[k] >> 4];
    out[2 * k + 1] = digits[digest[k] & 15];
  }
  return out;
}

}  // namespace jixiao::util
