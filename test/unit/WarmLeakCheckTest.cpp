//===- WarmLeakCheckTest.cpp - verify's growth fit and its flags ----------===//

#include "verify/WarmLeakCheck.h"

#include "gtest/gtest.h"

using namespace brisk;

namespace {

TEST(WarmLeakCheckTest, TheilSenIgnoresAOneTimeStep) {
  // A lazily built cache: one jump, then flat. Least squares would call it
  // growth; the median of pairwise slopes does not.
  std::vector<double> Step(20, 100);
  for (size_t I = 3; I < Step.size(); ++I)
    Step[I] = 1100;
  EXPECT_EQ(theilSenSlope(Step), 0);
  std::vector<double> Linear;
  for (int I = 0; I < 20; ++I)
    Linear.push_back(7 * I + 3);
  EXPECT_EQ(theilSenSlope(Linear), 7);
  EXPECT_EQ(theilSenSlope({5}), 0);
  EXPECT_EQ(theilSenSlope({1, 3}), 2);
  // Four pairwise slopes 1, 1, 2, 3 (even count): the mean of the middle two.
  EXPECT_EQ(theilSenSlope({0, 1, 3}), 1.5);
}

TEST(WarmLeakCheckTest, FlagsGrowthThatRunsOutWithinTheWarmLifetime) {
  // 64 KiB per invocation from 5 MiB: 128 MiB after 1988 invocations.
  std::vector<double> Memory;
  for (int I = 1; I <= 20; ++I)
    Memory.push_back((5 << 20) + I * 65536.0);
  ResourceTrend T = assessTrend(Resource::Memory, Memory, 128 << 20, 20);
  EXPECT_TRUE(T.Flagged);
  EXPECT_EQ(T.Slope, 65536);
  EXPECT_EQ(T.ExhaustedAt, 20u + 1948u);

  // 1 KiB per invocation from 12 MiB stays under 128 MiB for 10,000.
  std::vector<double> Slow;
  for (int I = 1; I <= 20; ++I)
    Slow.push_back((12 << 20) + I * 1024.0);
  EXPECT_FALSE(assessTrend(Resource::Memory, Slow, 128 << 20, 20).Flagged);

  // Shrinking or flat is never flagged.
  EXPECT_FALSE(assessTrend(Resource::Descriptors, {9, 8, 7}, 1024, 3).Flagged);
  EXPECT_FALSE(assessTrend(Resource::Descriptors, {5, 5, 5}, 1024, 3).Flagged);

  // Already at the limit is flagged now.
  ResourceTrend Full = assessTrend(Resource::Tmp, {600, 600, 600}, 512, 3);
  EXPECT_TRUE(Full.Flagged);
  EXPECT_EQ(Full.ExhaustedAt, 3u);
}

TEST(WarmLeakCheckTest, ChecksEveryResourceAndComparesAnswers) {
  std::vector<ResourceSample> Samples;
  for (uint64_t I = 1; I <= 10; ++I)
    Samples.push_back({/*ResidentBytes=*/8 << 20, /*Descriptors=*/4 + I,
                       /*Threads=*/1, /*Processes=*/1, /*TmpBytes=*/0});
  WarmLeakResult R = checkWarmLeaks(Samples, {1, 1, 2}, WarmLeakLimits());
  ASSERT_EQ(R.Trends.size(), 4u);
  EXPECT_TRUE(R.leaks());
  EXPECT_EQ(R.Trends[0].What, Resource::Memory);
  EXPECT_FALSE(R.Trends[0].Flagged);
  EXPECT_EQ(R.Trends[1].What, Resource::Descriptors);
  EXPECT_TRUE(R.Trends[1].Flagged);
  EXPECT_EQ(R.Trends[1].ExhaustedAt, 10u + 1010u);
  EXPECT_FALSE(R.Trends[2].Flagged);
  EXPECT_FALSE(R.Trends[3].Flagged);
  ASSERT_TRUE(R.DifferentAnswer);
  EXPECT_EQ(*R.DifferentAnswer, 2u);

  WarmLeakResult Same = checkWarmLeaks(Samples, {7, 7}, WarmLeakLimits());
  EXPECT_FALSE(Same.DifferentAnswer);
}

TEST(WarmLeakCheckTest, FitsTheLaterSamplesWhenAskedTo) {
  // Warm-up: growth for ten invocations, then none.
  std::vector<ResourceSample> Samples;
  for (uint64_t I = 1; I <= 40; ++I)
    Samples.push_back(
        {(40ull << 20) + std::min<uint64_t>(I, 10) * (1 << 20), 4, 1, 1, 0});
  EXPECT_TRUE(
      checkWarmLeaks(llvm::ArrayRef<ResourceSample>(Samples).take_front(10), {},
                     WarmLeakLimits())
          .leaks());
  WarmLeakResult Later = checkWarmLeaks(Samples, {}, WarmLeakLimits(), 20);
  EXPECT_FALSE(Later.leaks());
  EXPECT_EQ(Later.FittedFrom, 20u);
  EXPECT_EQ(Later.Samples, 40u);
  EXPECT_EQ(Later.Trends[0].Slope, 0);
}

TEST(WarmLeakCheckTest, TooFewSamplesFitNothing) {
  std::vector<ResourceSample> Two(2);
  WarmLeakResult R = checkWarmLeaks(Two, {1, 2}, WarmLeakLimits());
  EXPECT_TRUE(R.Trends.empty());
  EXPECT_FALSE(R.leaks());
  EXPECT_TRUE(R.DifferentAnswer);
}

} // namespace
