//===- outcome.h - A result or the reason there is none -------------------===//
//
// aws-lambda-cpp's outcome<Result, Failure>, which runtime::get_next and the
// post_* calls return.
//
//===----------------------------------------------------------------------===//

#ifndef AWS_LAMBDA_RUNTIME_OUTCOME_H
#define AWS_LAMBDA_RUNTIME_OUTCOME_H

#include <cassert>
#include <utility>
#include <variant>

namespace aws {
namespace lambda_runtime {

template <typename TResult, typename TFailure> class outcome {
public:
  outcome(TResult const &result) : m_value(result) {}
  outcome(TResult &&result) : m_value(std::move(result)) {}
  outcome(TFailure const &failure) : m_value(failure) {}

  bool is_success() const { return m_value.index() == 0; }

  TResult const &get_result() const & {
    assert(is_success());
    return std::get<0>(m_value);
  }
  TResult &&get_result() && {
    assert(is_success());
    return std::get<0>(std::move(m_value));
  }
  TFailure const &get_failure() const & {
    assert(!is_success());
    return std::get<1>(m_value);
  }

private:
  std::variant<TResult, TFailure> m_value;
};

} // namespace lambda_runtime
} // namespace aws

#endif // AWS_LAMBDA_RUNTIME_OUTCOME_H
