#include <string>
#include <vector>

void record(std::vector<long> &Samples, long Value);
void audit(const std::string &What);
