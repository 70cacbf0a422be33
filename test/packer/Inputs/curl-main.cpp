// A C++ native function stand-in linking libcurl and libstdc++.
#include <curl/curl.h>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  std::vector<std::string> Args(argv + 1, argv + argc);
  if (Args.size() != 1 || Args[0] != "--say-hello")
    return 3;
  std::cout << "hello from C++ with curl " << curl_version_info(CURLVERSION_NOW)->version
            << "\n";
  return 0;
}
