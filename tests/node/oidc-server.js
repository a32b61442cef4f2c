// A real OpenID Connect provider for the console's browser tests (oidc-provider, from the lock): the
// authorization code flow with PKCE, RS256 ID tokens, its development sign-in pages (any login, any
// password: the login is the account id, and an email when it contains "@"), and the sign-out at the
// provider (its end_session_endpoint, with its development confirmation page).
//
// usage: node oidc-server.js  with, in the environment,
//   OIDC_PORT           the loopback port to listen on
//   OIDC_CLIENT_ID      the client (Prevex)
//   OIDC_CLIENT_SECRET  its secret (client_secret_basic)
//   OIDC_REDIRECT_URI   its callback
//   OIDC_POST_LOGOUT_REDIRECT_URI  where the sign-out at the provider (RP-initiated logout) may send
//                       the browser back: the console's sign-in page
//   OIDC_EMAIL_IN_ID_TOKEN=1  put the email in the ID token too (default: only from UserInfo, as
//                       ProConnect does)
// It prints "ready <issuer>" once listening.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      post_logout_redirect_uris: [process.env.OIDC_POST_LOGOUT_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  conformIdTokenClaims: process.env.OIDC_EMAIL_IN_ID_TOKEN !== '1',
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['prevex-tests-oidc-cookie-key'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return id.includes('@') ? { sub: id, email: id, email_verified: true } : { sub: id };
      },
    };
  },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
