// hardcoded-credential: AWS keys in string literals, anywhere in the
// program. Reported: an access key id and its secret in one construction,
// a session key id (ASIA) in a function no handler reaches, a key id in a
// longer string, a pair declared next to each other. Silent: "AKIA" alone,
// short ids, table names that start with ASIA-, a placeholder of repeated
// letters, a hex digest, a secret-shaped string with no key id near it.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,hardcoded-credential 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:

#include <string>

struct Credentials {
  Credentials(const std::string &Id, const std::string &Secret);
};

static const Credentials Archive("AKIAIOSFODNN7EXAMPLE",
// CHECK: [[FILE:.*hardcoded-credential.cpp]]:[[@LINE-1]]:34: error: AWS access key id in a string literal: anyone who can read the source or the deployment package can use it; let the function's execution role provide credentials, or read them from AWS Secrets Manager at init [brisk-hardcoded-credential]
                                 "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
// CHECK: [[FILE]]:[[@LINE-1]]:34: error: AWS secret access key in a string literal, next to an AWS access key id: anyone who can read the source or the deployment package can use it; let the function's execution role provide credentials, or read them from AWS Secrets Manager at init [brisk-hardcoded-credential]
// CHECK: [[FILE]]:16:34: note: the AWS access key id is here

const char *AccessKey = "AKIAJ7QWERTYUIOP2345";
// CHECK: [[FILE]]:[[@LINE-1]]:25: error: AWS access key id in a string literal
const char *SecretKey = "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";
// CHECK: [[FILE]]:[[@LINE-1]]:25: error: AWS secret access key in a string literal, next to an AWS access key id
// CHECK: [[FILE]]:22:25: note: the AWS access key id is here

static std::string profileConfig() { // reached from nowhere: still reported
  return "[default]\naws_access_key_id = ASIAQWERTYUIOPASDFGH\n";
  // CHECK: [[FILE]]:[[@LINE-1]]:10: error: AWS access key id in a string literal
}

const char *Prefix = "AKIA";
const char *Short = "AKIA1234";
const char *Table = "ASIA-PACIFIC-ORDERS-TABLE";
const char *Placeholder = "AKIAXXXXXXXXXXXXXXXX";
const char *Digest = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const char *Lonely = "Qw3ErTy7UiOp9AsDf2GhJk4LzXcV6bNm8Q1wE5rT";

int main() { return profileConfig().empty(); }
