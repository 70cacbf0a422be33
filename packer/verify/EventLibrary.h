//===- EventLibrary.h - The events verify and invoke deliver --------------===//
//
// --event=NAME picks one of the standard events in rules/events/NAME.json
// (API Gateway, S3, SQS, EventBridge, DynamoDB); --event=FILE any file. An
// event must be JSON, as Lambda's Invoke requires, and fit Lambda's 6 MB
// payload limit.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_EVENTLIBRARY_H
#define BRISK_PACKER_VERIFY_EVENTLIBRARY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

/// The event delivered when --event is not given.
constexpr const char *DefaultEventName = "apigw-http-v2";

struct Event {
  std::string Label;   // the standard event's name, or the file as given
  std::string Payload; // the JSON text, as read
};

/// Names of RulesDir/events/*.json, sorted.
std::vector<std::string> standardEventNames(llvm::StringRef RulesDir);

/// An existing file named \p Spec, else the standard event of that name.
/// Neither, unreadable, not JSON or too large: an error naming it (and, for
/// an unknown name, the standard ones).
llvm::Expected<Event> loadEvent(llvm::StringRef RulesDir, llvm::StringRef Spec);

} // namespace brisk

#endif
