//===- TreemapLayout.h - Squarified treemap rectangles --------------------===//

#ifndef BRISK_PACKER_REPORT_TREEMAPLAYOUT_H
#define BRISK_PACKER_REPORT_TREEMAPLAYOUT_H

#include <cstdint>
#include <vector>

namespace brisk {

struct TreemapRect {
  double X = 0, Y = 0, Width = 0, Height = 0;
};

/// Lays \p Weights (largest first for the best shapes) out in a
/// \p Width x \p Height box, one rectangle each, in order, areas in
/// proportion (Bruls, Huizing and van Wijk's squarified layout, which keeps
/// rectangles close to square). A weight of 0 is counted as a sliver, so
/// that every entry still gets a rectangle.
std::vector<TreemapRect> layoutTreemap(const std::vector<uint64_t> &Weights,
                                       double Width, double Height);

} // namespace brisk

#endif
