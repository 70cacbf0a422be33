#include <stdio.h>
#include <string.h>
int middle_value(void);
int main(int argc, char **argv) {
  if (argc != 2 || strcmp(argv[1], "--say-hello") != 0)
    return 3;
  printf("middle says %d\n", middle_value());
  return 0;
}
