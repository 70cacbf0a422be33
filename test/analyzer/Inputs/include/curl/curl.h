/* Test stub of libcurl's easy interface (declarations only). */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
#define CURL_GLOBAL_ALL 3L
#define CURL_GLOBAL_DEFAULT CURL_GLOBAL_ALL
#define CURLOPT_URL 10002
#define CURLOPT_WRITEFUNCTION 20011
#define CURLOPT_WRITEDATA 10001
#define CURLOPT_HTTPHEADER 10023
CURLcode curl_global_init(long flags);
void curl_global_cleanup(void);
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
void curl_easy_reset(CURL *curl);
#ifdef __cplusplus
}
#endif
