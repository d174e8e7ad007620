'use strict';

// Directory entries come from the company LDAP export.
function accountKey(account) {
  return String(account.mail).trim().toLowerCase();
}

function extensionOf(account) {
  return `ext-${account.extension}`;
}

module.exports = { accountKey, extensionOf };
