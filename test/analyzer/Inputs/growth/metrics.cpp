// A helper in another TU: it appends to the global it is given, and to one
// of its own.
#include "metrics.h"

std::vector<std::string> AuditTrail;

void record(std::vector<long> &Samples, long Value) {
  Samples.push_back(Value);
}

void audit(const std::string &What) { AuditTrail.push_back(What); }
