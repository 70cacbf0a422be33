// Converts the euro sign to ISO-8859-15 (0xa4) with iconv, which needs
// glibc's ISO8859-15 gconv module. Needs GLIBC_2.35 (epoll_pwait2) so that
// libc is bundled.
#define _GNU_SOURCE
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
int main(int argc, char **argv) {
  if (argc == 42)
    epoll_pwait2(-1, 0, 0, 0, 0);
  iconv_t cd = iconv_open("ISO-8859-15", "UTF-8");
  if (cd == (iconv_t)-1) {
    perror("iconv_open ISO-8859-15");
    return 1;
  }
  char in[] = "\xe2\x82\xac", out[8] = {0};
  char *ip = in, *op = out;
  size_t il = strlen(in), ol = sizeof out;
  if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
    perror("iconv");
    return 1;
  }
  printf("euro in ISO-8859-15: %02x\n", (unsigned char)out[0]);
  return 0;
}
