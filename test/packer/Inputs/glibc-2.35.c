// Needs GLIBC_2.35 through epoll_pwait2, newer than Amazon Linux 2023's 2.34.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
int main(int argc, char **argv) {
  if (argc != 2 || strcmp(argv[1], "--say-hello") != 0)
    return 3;
  if (argc == 42)
    epoll_pwait2(-1, 0, 0, 0, 0);
  puts("hello from a glibc 2.35 program");
  return 0;
}
