#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  if (argc != 2 || strcmp(argv[1], "--say-hello") != 0)
    return 3;
  puts("hello from a libc-only program");
  return 0;
}
