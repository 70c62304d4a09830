using JourneyGrpc.Store.Internal;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Store.Tests;

public sealed class JourneyStoreOptionsTests
{
    [Theory]
    [InlineData("mysql", null, null, "Store:Provider 'mysql' is not supported; use 'sqlite', 'litedb' or 'postgres'.")]
    [InlineData("postgres", null, null, "Store:PostgresConnectionString is required when Store:Provider is 'postgres' (e.g. Host=127.0.0.1;Port=5432;Database=journeygrpc;Username=journeygrpc).")]
    [InlineData("postgres", null, "Database=x", "Store:PostgresConnectionString names no Host.")]
    [InlineData("sqlite", "", null, "Store:SqlitePath is empty; it must name the database file (default ./data/journeygrpc.db).")]
    [InlineData("sqlite", "/", null, "Store:SqlitePath '/' is a folder; it must name the database file inside it.")]
    public void Check_InvalidProviderSettings_MessageNamesKey(string provider, string? path, string? connectionString, string message)
    {
        var options = new JourneyStoreOptions { Provider = provider, SqlitePath = path ?? "./data/x.db", PostgresConnectionString = connectionString };

        Assert.Equal([message], JourneyStoreOptionsValidator.Check(options));
    }

    [Fact]
    public void Check_MalformedConnectionString_MessageNamesKey()
    {
        var options = new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = "Host=127.0.0.1;NoSuchKeyword=1" };

        Assert.StartsWith("Store:PostgresConnectionString is not a valid connection string:", Assert.Single(JourneyStoreOptionsValidator.Check(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OutOfRangeTuning_MessagesNameKeys()
    {
        var options = new JourneyStoreOptions { MaxBatchesPerCommit = 0, BusyTimeout = TimeSpan.Zero };

        Assert.Equal(
            ["Store:MaxBatchesPerCommit is 0; it must be between 1 and 10000.", "Store:BusyTimeout is 00:00:00; it must be between 00:00:01 and 00:10:00."],
            JourneyStoreOptionsValidator.Check(options));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("SQLite")]
    [InlineData("postgres")]
    public void Check_Defaults_Valid(string provider)
    {
        var options = new JourneyStoreOptions { Provider = provider, PostgresConnectionString = "Host=127.0.0.1;Database=journeygrpc" };

        Assert.Empty(JourneyStoreOptionsValidator.Check(options));
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsValidationExceptionWithMessages()
    {
        var error = Assert.Throws<OptionsValidationException>(() => JourneyStore.Create(new JourneyStoreOptions { Provider = "oracle" }));

        Assert.Equal("Store:Provider 'oracle' is not supported; use 'sqlite', 'litedb' or 'postgres'.", error.Message);
    }
}
