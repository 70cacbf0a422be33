// A native function stand-in: prints and exits only when asked to, so that a
// test proves the packed copy ran.
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2 || strcmp(argv[1], "--say-hello") != 0)
    return 3;
  curl_version_info_data *Info = curl_version_info(CURLVERSION_NOW);
  printf("hello from C with curl %s\n", Info->version);
  return 0;
}
