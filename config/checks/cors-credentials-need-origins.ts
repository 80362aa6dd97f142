/** Configuration check: CORS with credentials names explicit origins. */
import type { ConfigCheck } from './types';

/** Browsers refuse credentialed CORS answers for the wildcard origin. */
export const corsCredentialsNeedOrigins: ConfigCheck = ({ kong }) => {
  const cors = kong?.cors;
  const origins = (cors?.origins ?? []).filter((o) => o !== undefined);
  if (!cors?.credentials || !origins.includes('*')) return [];
  return [{ path: ['kong', 'cors', 'origins'], problem: 'credentials with the wildcard origin', received: '*', accepted: 'explicit origins (https://app.example.com) when credentials is true' }];
};
