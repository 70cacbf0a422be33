//===- TreemapLayout.cpp - Squarified treemap rectangles ------------------===//

#include "report/TreemapLayout.h"

#include <algorithm>
#include <limits>

namespace brisk {

namespace {
struct Box {
  double X, Y, W, H;
};
} // namespace

// The worst aspect ratio of a row of areas laid along a side of \p Side.
static double worst(const std::vector<double> &Row, double Side) {
  double Sum = 0, Max = 0, Min = std::numeric_limits<double>::max();
  for (double A : Row) {
    Sum += A;
    Max = std::max(Max, A);
    Min = std::min(Min, A);
  }
  if (Sum <= 0 || Min <= 0)
    return std::numeric_limits<double>::max();
  double S2 = Side * Side, Sum2 = Sum * Sum;
  return std::max(S2 * Max / Sum2, Sum2 / (S2 * Min));
}

// Places \p Row along the shorter side of \p B and shrinks B by it.
static void placeRow(const std::vector<double> &Row, size_t First, Box &B,
                     std::vector<TreemapRect> &Out) {
  double Sum = 0;
  for (double A : Row)
    Sum += A;
  bool Horizontal = B.W >= B.H; // the row is a column on the left
  double Thick = Horizontal ? Sum / B.H : Sum / B.W;
  double At = Horizontal ? B.Y : B.X;
  for (size_t I = 0; I < Row.size(); ++I) {
    double Len = Row[I] / Thick;
    TreemapRect &R = Out[First + I];
    if (Horizontal)
      R = {B.X, At, Thick, Len};
    else
      R = {At, B.Y, Len, Thick};
    At += Len;
  }
  if (Horizontal) {
    B.X += Thick;
    B.W -= Thick;
  } else {
    B.Y += Thick;
    B.H -= Thick;
  }
}

std::vector<TreemapRect> layoutTreemap(const std::vector<uint64_t> &Weights,
                                       double Width, double Height) {
  std::vector<TreemapRect> Out(Weights.size());
  if (Weights.empty() || Width <= 0 || Height <= 0)
    return Out;
  double Total = 0;
  for (uint64_t W : Weights)
    Total += double(W);
  // Zero-byte files (empty files, tiny links) still get a visible sliver.
  double Floor = std::max(Total, 1.0) / 2000.0;
  std::vector<double> Areas;
  double Sum = 0;
  for (uint64_t W : Weights) {
    Areas.push_back(std::max(double(W), Floor));
    Sum += Areas.back();
  }
  for (double &A : Areas)
    A *= Width * Height / Sum;

  Box B{0, 0, Width, Height};
  std::vector<double> Row;
  size_t RowStart = 0;
  for (size_t I = 0; I < Areas.size(); ++I) {
    double Side = std::min(B.W, B.H);
    std::vector<double> With = Row;
    With.push_back(Areas[I]);
    if (Row.empty() || worst(With, Side) <= worst(Row, Side)) {
      Row = std::move(With);
      continue;
    }
    placeRow(Row, RowStart, B, Out);
    RowStart = I;
    Row = {Areas[I]};
  }
  if (!Row.empty())
    placeRow(Row, RowStart, B, Out);
  return Out;
}

} // namespace brisk
