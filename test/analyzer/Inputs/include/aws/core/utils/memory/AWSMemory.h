// Test stub of the AWS SDK's allocation helpers: like the real ones, they
// construct T inside the SDK's headers.
#pragma once
#include <memory>
#include <utility>

namespace Aws {
template <typename T, typename... ArgTypes>
T *New(const char *allocationTag, ArgTypes &&...args) {
  (void)allocationTag;
  return new T(std::forward<ArgTypes>(args)...);
}
template <typename T, typename... ArgTypes>
std::shared_ptr<T> MakeShared(const char *allocationTag, ArgTypes &&...args) {
  (void)allocationTag;
  return std::make_shared<T>(std::forward<ArgTypes>(args)...);
}
template <typename T> using UniquePtr = std::unique_ptr<T>;
template <typename T, typename... ArgTypes>
UniquePtr<T> MakeUnique(const char *allocationTag, ArgTypes &&...args) {
  (void)allocationTag;
  return UniquePtr<T>(new T(std::forward<ArgTypes>(args)...));
}
} // namespace Aws
