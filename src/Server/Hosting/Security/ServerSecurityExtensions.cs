using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Hosting.Security;

/// <summary>Authentication (JWT bearer, <c>appkey</c>, development mode) and the per-method access rules.</summary>
public static class ServerSecurityExtensions
{
    /// <summary>
    /// Adds ASP.NET Core authentication from the <c>Auth</c> section (validated at start-up) and the access
    /// rules read from the protos of every mapped service; <see cref="Grpc.GrpcServerExtensions.AddGrpcServer"/>
    /// adds the interceptor that enforces them.
    /// </summary>
    public static IServiceCollection AddServerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .Validate(o => o.Jwt.SigningKeys.Count == 0 || (!string.IsNullOrEmpty(o.Jwt.Issuer) && !string.IsNullOrEmpty(o.Jwt.Audience)), "Auth:Jwt:SigningKeys need Auth:Jwt:Issuer and Auth:Jwt:Audience.")
            .Validate(o => string.IsNullOrEmpty(o.Jwt.Authority) || !string.IsNullOrEmpty(o.Jwt.Audience), "Auth:Jwt:Authority needs Auth:Jwt:Audience.")
            .Validate(o => o.Jwt.SigningKeys.All(SigningKeys.IsValid), "Auth:Jwt:SigningKeys entries must be base64 HMAC keys of at least 32 bytes or PEM public keys (RSA or EC).")
            .Validate(o => o.Jwt.ClockSkew >= TimeSpan.Zero && o.Jwt.ClockSkew <= TimeSpan.FromMinutes(10), "Auth:Jwt:ClockSkew must be between 0 and 00:10:00.")
            .Validate(o => o.ApiKeys.Values.All(c => c.Hash.Length == 64 && c.Hash.All(char.IsAsciiHexDigit)), "Auth:ApiKeys:<client>:Hash must be the 64 hex digits of the key's SHA-256.")
            .Validate(o => o.ApiKeys.Values.All(c => c.Roles.Count > 0), "Auth:ApiKeys:<client>:Roles must name at least one role.")
            .ValidateOnStart();

        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.SectionName))
            .Validate(o => o.CallsPerSecond >= 0 && o.Burst >= 0 && o.WatchesPerClient >= 0, "Limits:CallsPerSecond, Limits:Burst and Limits:WatchesPerClient must be 0 (no limit) or more.")
            .ValidateOnStart();
        services.TryAddSingleton<ClientLimits>();
        services.TryAddSingleton<MethodAccessRules>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(AccessServiceMethodProvider<>)));
        services.TryAddSingleton<ApiKeyClients>();
        services.TryAddSingleton<DevelopmentSigningKey>();
        services.TryAddSingleton<DevelopmentCaller>();
        services.TryAddSingleton<AuthenticatedCallers>();
        services.TryAddSingleton(TimeProvider.System);
        var development = (configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions()).IsDevelopment;
        if (development)
        {
            services.AddHostedService<DevelopmentTokenAnnouncer>();
        }

        // No default scheme: CallAdmission authenticates a call when its method needs it, not every request.
        services.AddAuthentication()
            .AddPolicyScheme(AuthSchemes.Select, displayName: null, options => options.ForwardDefaultSelector = context => SelectScheme(context.Request, development))
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, configureOptions: null)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(AuthSchemes.Development, configureOptions: null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, DevelopmentSigningKey>((jwt, auth, key) => ConfigureJwt(jwt, auth.Value, key));
        return services;
    }

    /// <summary>An <c>appkey</c> header is an API key; otherwise a bearer token, or (development mode) nothing at all.</summary>
    private static string SelectScheme(HttpRequest request, bool development) =>
        request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey
        : development && request.Headers.Authorization.Count == 0 ? AuthSchemes.Development
        : JwtBearerDefaults.AuthenticationScheme;

    private static void ConfigureJwt(JwtBearerOptions jwt, AuthOptions auth, DevelopmentSigningKey development)
    {
        jwt.MapInboundClaims = false;
        var parameters = jwt.TokenValidationParameters;
        parameters.RoleClaimType = auth.RoleClaim;
        parameters.NameClaimType = "sub";
        parameters.ClockSkew = auth.Jwt.ClockSkew;
        if (auth.IsDevelopment)
        {
            parameters.ValidIssuer = DevelopmentSigningKey.Issuer;
            parameters.ValidAudience = DevelopmentSigningKey.Audience;
            parameters.IssuerSigningKey = development.Key;
            return;
        }

        if (!string.IsNullOrEmpty(auth.Jwt.Authority))
        {
            jwt.Authority = auth.Jwt.Authority;
            jwt.RequireHttpsMetadata = auth.Jwt.RequireHttpsMetadata;
        }

        parameters.ValidateIssuer = true;
        parameters.ValidIssuer = string.IsNullOrEmpty(auth.Jwt.Issuer) ? null : auth.Jwt.Issuer;
        parameters.ValidateAudience = true;
        parameters.ValidAudience = auth.Jwt.Audience;
        parameters.IssuerSigningKeys = auth.Jwt.SigningKeys.Select(SigningKeys.Parse).ToList();

        // Unused keys make no token valid: an unconfigured JwtBearer must refuse every token, not accept unsigned ones.
        parameters.RequireSignedTokens = true;
    }
}
