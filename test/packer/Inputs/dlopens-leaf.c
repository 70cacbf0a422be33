// Loads libleaf.so.1 at run time: no DT_NEEDED names it, so only --include
// can bundle it.
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2 || strcmp(argv[1], "--say-hello") != 0)
    return 3;
  void *Leaf = dlopen("libleaf.so.1", RTLD_NOW);
  if (!Leaf) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*Value)(void) = (int (*)(void))dlsym(Leaf, "leaf_value");
  printf("dlopened leaf says %d\n", Value());
  return 0;
}
