// Makes the functions really use libcurl (the linker drops a library no
// code calls): its version is read once, at start-up.
#include <curl/curl.h>

const char *const CurlVersion = curl_version();
