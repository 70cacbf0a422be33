// Test stub of Aws::DynamoDB::DynamoDBClient (declarations only).
#pragma once
#include <aws/core/client/AWSClient.h>
#include <string>

namespace Aws {
namespace DynamoDB {
namespace Model {
struct GetItemRequest {
  GetItemRequest &WithTableName(const std::string &table);
};
struct GetItemOutcome {
  bool IsSuccess() const;
};
} // namespace Model
class DynamoDBClient : public Aws::Client::AWSJsonClient {
public:
  DynamoDBClient();
  explicit DynamoDBClient(
      const Aws::Client::ClientConfiguration &configuration);
  ~DynamoDBClient() override;
  Model::GetItemOutcome GetItem(const Model::GetItemRequest &request) const;
};
} // namespace DynamoDB
} // namespace Aws
