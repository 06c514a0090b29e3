#ifndef CIID_CCURL_SHIM_H
#define CIID_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them.
   These typed wrappers are what the Curl module uses instead. */

static inline CURLcode ciid_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ciid_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Sets a string option to NULL: its "not set" value (CURLOPT_CAPATH: no CA folder at all,
   not even the one libcurl was built with). */
static inline CURLcode ciid_curl_setopt_null_string(CURL *handle, CURLoption option) {
    return curl_easy_setopt(handle, option, (char *)NULL);
}

static inline CURLcode ciid_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ciid_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*ciid_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ciid_curl_setopt_write_function(CURL *handle, ciid_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

typedef size_t (*ciid_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);

/* CURLOPT_READFUNCTION: where an upload (an SMTP message) takes its bytes from. */
static inline CURLcode ciid_curl_setopt_read_function(CURL *handle, ciid_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode ciid_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
