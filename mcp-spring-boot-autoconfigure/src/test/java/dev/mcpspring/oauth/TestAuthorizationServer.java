package dev.mcpspring.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import dev.mcpspring.test.McpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring Authorization Server for the OAuth tests, started in its own context on a
 * random port: a client {@code mcp-client} and a client {@code other-client} for the
 * client-credentials grant, a client {@code mcp-pkce} for the authorization code grant
 * with PKCE. A token asked for with a {@code resource} parameter (RFC 8707) names that
 * resource as its audience; otherwise its audience is the client id, as Spring
 * Authorization Server does by default.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		"dev.mcpspring.autoconfigure.McpServerAutoConfiguration",
		"dev.mcpspring.autoconfigure.McpTasksAutoConfiguration",
		"dev.mcpspring.autoconfigure.McpWebMvcAutoConfiguration",
		"dev.mcpspring.autoconfigure.McpRedisAutoConfiguration",
		"dev.mcpspring.autoconfigure.McpObservabilityAutoConfiguration",
		"dev.mcpspring.autoconfigure.McpOAuth2ResourceServerAutoConfiguration" })
class TestAuthorizationServer {

	/**
	 * Returns the secret of a client (each its own: the server refuses two clients with
	 * the same secret).
	 * @param clientId the client
	 * @return its secret
	 */
	static String secret(String clientId) {
		return clientId + "-secret";
	}

	/** The user who logs in for the authorization code grant. */
	static final String USER = "alice";

	private static final String REDIRECT_URI = "http://127.0.0.1:8976/callback";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String CLIENT = "spring.security.oauth2.authorizationserver.client.";

	/**
	 * Starts the server as a process, for the interop check of {@code .ci/run}: the
	 * arguments override its defaults, e.g. {@code --server.port=9000}.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		start(args);
	}

	static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(TestAuthorizationServer.class).properties("server.port=0",
				"spring.config.name=oauth-as", "spring.data.redis.repositories.enabled=false",
				CLIENT + "mcp.registration.client-id=mcp-client", CLIENT + "mcp.registration.client-secret={noop}" + secret("mcp-client"),
				CLIENT + "mcp.registration.client-authentication-methods=client_secret_basic",
				CLIENT + "mcp.registration.authorization-grant-types=client_credentials",
				CLIENT + "mcp.registration.scopes=mcp.tools,reports.write",
				CLIENT + "other.registration.client-id=other-client",
				CLIENT + "other.registration.client-secret={noop}" + secret("other-client"),
				CLIENT + "other.registration.client-authentication-methods=client_secret_basic",
				CLIENT + "other.registration.authorization-grant-types=client_credentials",
				CLIENT + "other.registration.scopes=mcp.tools",
				CLIENT + "pkce.registration.client-id=mcp-pkce",
				CLIENT + "pkce.registration.client-authentication-methods=none",
				CLIENT + "pkce.registration.authorization-grant-types=authorization_code",
				CLIENT + "pkce.registration.redirect-uris=" + REDIRECT_URI,
				CLIENT + "pkce.registration.scopes=mcp.tools", CLIENT + "pkce.require-proof-key=true",
				"spring.security.user.name=" + USER, "spring.security.user.password=" + secret(USER))
			.run(args);
	}

	/**
	 * Signs a token of our own with the server's key, for the cases its endpoints never
	 * issue (expired, another issuer).
	 * @param context the authorization server's context
	 * @param claims the claims
	 * @return the token
	 */
	@SuppressWarnings("unchecked")
	static String sign(ConfigurableApplicationContext context, Map<String, Object> claims) {
		JWKSource<SecurityContext> keys = context.getBean(JWKSource.class);
		JwtClaimsSet.Builder set = JwtClaimsSet.builder().id(UUID.randomUUID().toString());
		claims.forEach((name, value) -> set.claim(name, (value instanceof Instant instant) ? instant : value));
		return new NimbusJwtEncoder(keys)
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build()))
			.getTokenValue();
	}

	/**
	 * Obtains a token with the client-credentials grant.
	 * @param issuer the server's issuer URL
	 * @param clientId the client
	 * @param scope the scopes asked for, separated by spaces
	 * @param resource the resource indicator (RFC 8707), or {@code null} for none
	 * @return the access token
	 */
	static String token(String issuer, String clientId, String scope, @Nullable String resource) {
		StringBuilder form = new StringBuilder("grant_type=client_credentials&scope=")
			.append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
		if (resource != null) {
			form.append("&resource=").append(URLEncoder.encode(resource, StandardCharsets.UTF_8));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + secret(clientId)).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return McpTestClient.JSON.readTree(response.body()).path("access_token").asString();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Obtains a token for {@link #USER} with the authorization code grant and PKCE, as a
	 * public client does: the browser's part (the login form, the redirect with the code)
	 * scripted over HTTP.
	 * @param issuer the server's issuer URL
	 * @param resource the resource indicator (RFC 8707)
	 * @return the access token
	 */
	static String userToken(String issuer, String resource) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=mcp-pkce&scope=mcp.tools&state=s1"
				+ "&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256&resource=" + encode(resource);
		HttpResponse<String> toLogin = browse(browser, HttpRequest.newBuilder(URI.create(authorize)));
		assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
		HttpResponse<String> loginPage = browse(browser, HttpRequest.newBuilder(URI.create(issuer + "/login")));
		String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> loggedIn = browse(browser,
				HttpRequest.newBuilder(URI.create(issuer + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + encode(secret(USER))
							+ "&_csrf=" + encode(csrf))));
		assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
		String next = loggedIn.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> redirect = browse(browser, HttpRequest.newBuilder(URI.create(issuer).resolve(next)));
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT_URI);
		String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
		HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=mcp-pkce&code=" + code
					+ "&redirect_uri=" + encode(REDIRECT_URI) + "&code_verifier=" + verifier + "&resource="
					+ encode(resource)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return McpTestClient.JSON.readTree(token.body()).path("access_token").asString();
	}

	private static HttpResponse<String> browse(HttpClient browser, HttpRequest.Builder request) throws Exception {
		return browser.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> resourceIndicator() {
		return (context) -> {
			if (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant
					&& grant.getAdditionalParameters().get("resource") instanceof String resource) {
				context.getClaims().audience(List.of(resource));
			}
		};
	}

}
