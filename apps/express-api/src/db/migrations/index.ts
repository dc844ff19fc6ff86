import { CreateUsers1764000000000 } from './1764000000000-create-users';
import { CreateLoginAttempts1764000000001 } from './1764000000001-create-login-attempts';
import { IndexLoginAttemptsByClientAndTime1764000000002 } from './1764000000002-index-login-attempts-by-client-and-time';
import { StoreClientAddressAsText1764000000003 } from './1764000000003-store-client-address-as-text';

// Listed by hand, not globbed, so the same list works from src/ under Jest and from dist/.
export const migrations = [
  CreateUsers1764000000000,
  CreateLoginAttempts1764000000001,
  IndexLoginAttemptsByClientAndTime1764000000002,
  StoreClientAddressAsText1764000000003,
];
