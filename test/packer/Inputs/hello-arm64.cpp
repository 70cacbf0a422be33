// A C++ program cross-built for arm64: prints only when asked to, so that a
// test proves the packed copy ran.
#include <iostream>
#include <string>

int main(int argc, char **argv) {
  if (argc != 3 || std::string(argv[1]) != "--say-hello")
    return 3;
  std::cout << "hello from arm64 " << argv[2] << "\n";
  return 0;
}
