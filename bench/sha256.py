#!/usr/bin/python3
"""SHA-256 for a program linked statically: Nettle (what jixiao used, LGPL) against OpenSSL's
libcrypto (Apache-2.0) through its low-level calls (what jixiao uses) and through EVP_Q_digest
(the one-shot call OpenSSL 3 recommends), each a small C program linked with -static against
Debian's static archive: the start-up of a process that hashes 5 bytes (paired runs), the time
to hash 200 MiB (the fastest of 5), and the program's size. Writes its section of
bench/RESULTS.md. Usage: /usr/bin/python3 bench/sha256.py"""
import os
import resource
import subprocess
import tempfile

import paired
import results

LIB = "/usr/lib/x86_64-linux-gnu"
BODY = {
    "nettle": ("#include <nettle/sha2.h>\n", "struct sha256_ctx x; sha256_init(&x); sha256_update(&x, n, b); "
               "sha256_digest(&x, 32, md);", "libnettle.a"),
    "openssl-low-level": ("#define OPENSSL_SUPPRESS_DEPRECATED\n#include <openssl/sha.h>\n",
                          "SHA256_CTX x; SHA256_Init(&x); SHA256_Update(&x, b, n); SHA256_Final(md, &x);", "libcrypto.a"),
    "openssl-evp-q-digest": ("#include <openssl/evp.h>\n", "size_t k; EVP_Q_digest(NULL, \"SHA256\", NULL, b, n, md, &k);",
                             "libcrypto.a"),
}
MAIN = """%s#include <stdio.h>
#include <stdlib.h>
int main(int argc, char** argv) {
  size_t n = argc > 1 ? (size_t)atol(argv[1]) << 20 : 5;
  unsigned char* b = calloc(n, 1);
  unsigned char md[32];
  %s
  printf("%%02x%%02x\\n", md[0], md[31]);
  return 0;
}
"""


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime


def main():
    with tempfile.TemporaryDirectory() as tmp:
        programs = {}
        for name, (include, code, archive) in BODY.items():
            source = os.path.join(tmp, name + ".c")
            open(source, "w").write(MAIN % (include, code))
            programs[name] = os.path.join(tmp, name)
            subprocess.run(["gcc", "-O2", "-static", source, "-o", programs[name], os.path.join(LIB, archive)],
                           check=True, stderr=subprocess.DEVNULL)
        digests = {subprocess.run([p, "200"], capture_output=True, text=True).stdout for p in programs.values()}
        lines = ["## SHA-256 linked statically: Nettle and OpenSSL's libcrypto", "",
                 "Small C programs, each linked with `-static` against Debian's archive (bench/sha256.py): the",
                 "start-up of a process hashing 5 bytes against Nettle's (200 paired runs: the median of the pairs'",
                 "ratios and its 95% interval), the user time to hash 200 MiB (fastest of 5), the program's size.",
                 f"All give the same digest of 200 MiB of zeros: {'yes' if len(digests) == 1 else 'NO'}.", "",
                 "| SHA-256 from | start-up / Nettle's | 200 MiB | size |", "|---|---|---|---|"]
        for name, program in programs.items():
            median, low, high, _, _ = paired.compare([programs["nettle"]], [program], runs=200)
            hashing = min(cpu_seconds([program, "200"]) for _ in range(5))
            lines.append(f"| {name} | {median:.3f} [{low:.3f}–{high:.3f}] | {hashing:.3f} s | "
                         f"{os.path.getsize(program) / 1024:.0f} KiB |")
        lines += ["", "jixiao uses the low-level calls (src/util/digest.cpp): no initialisation, no provider, and",
                  "nothing of dlopen or the resolver linked in (EVP_Q_digest's static link warns of both, which a",
                  "static glibc cannot serve)."]
        results.write_section("sha256.py", lines)


if __name__ == "__main__":
    main()
