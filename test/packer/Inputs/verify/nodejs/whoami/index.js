// Answers with the user the function runs as, from the user database, as
// the AWS SDK for JavaScript looks up the home folder for its config files.
const os = require('os');

exports.handler = async () => {
  const { uid, gid, username, homedir } = os.userInfo();
  return { uid, gid, username, homedir, home: os.homedir() };
};
