using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>The store in the composition root: opened and migrated at start-up, and a bad Store section stops start-up with a clear message.</summary>
public sealed class ServerStoreTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_SqlitePath_OpensMigratedStore()
    {
        await using var app = ServerHost.Build(Args($"--Store:SqlitePath={_directory.File("nested/journey.db")}"));
        await app.StartAsync().WaitAsync(Timeout);
        var store = app.Services.GetRequiredService<IJourneyStore>();

        await store.WriteAsync("acme", new WriteBatch().Insert("notes", "n1", new StringValue { Value = "hello" })).WaitAsync(Timeout);

        Assert.Equal("hello", (await store.GetAsync("acme", "notes", "n1").WaitAsync(Timeout))!.Parse(StringValue.Parser).Value);
        Assert.Equal(3, app.Services.GetRequiredService<JourneyStore>().SchemaVersion);
        Assert.True(File.Exists(_directory.File("nested/journey.db")));
        await app.StopAsync().WaitAsync(Timeout);
    }

    [Theory]
    [InlineData("--Store:Provider=mysql", "Store:Provider 'mysql' is not supported; use 'sqlite', 'litedb' or 'postgres'.")]
    [InlineData("--Store:Provider=postgres", "Store:PostgresConnectionString is required when Store:Provider is 'postgres' (e.g. Host=127.0.0.1;Port=5432;Database=journeygrpc;Username=journeygrpc).")]
    [InlineData("--Store:MaxBatchesPerCommit=0", "Store:MaxBatchesPerCommit is 0; it must be between 1 and 10000.")]
    public async Task BuildOrStart_InvalidStoreSection_FailsNamingKey(string argument, string message)
    {
        // Mapping a service that needs the store resolves it while building; without one, start-up does.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ServerHost.Build(Args(argument, $"--Store:SqlitePath={_directory.File("store.db")}"));
            await app.StartAsync().WaitAsync(Timeout);
        });

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Start_CorruptStoreFile_FailsWithStoreFailure()
    {
        await File.WriteAllTextAsync(_directory.File("corrupt.db"), new string('x', 4096));
        await using var app = ServerHost.Build(Args($"--Store:SqlitePath={_directory.File("corrupt.db")}"));

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => app.StartAsync().WaitAsync(Timeout));

        Assert.Equal(StoreFailure.Corrupt, error.Failure);
    }

    [Fact]
    public async Task Run_InvalidStoreSection_OneLineOnStandardErrorAndExitCodeOne()
    {
        var error = new StringWriter();
        var command = ServerCommand.Create(args => ServerHost.Build(args).RunAsync());

        var exitCode = await command.Parse(Args("--Store:Provider=mysql")).InvokeAsync(new() { Error = error }).WaitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Equal("journeygrpc: Store:Provider 'mysql' is not supported; use 'sqlite', 'litedb' or 'postgres'.", error.ToString().Trim());
    }

    [Fact]
    public async Task Backup_StoreInUse_WritesCheckedCopyAndExitsZero()
    {
        var source = _directory.File("live.db");
        await using var store = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = source }).WaitAsync(Timeout);
        await store.WriteAsync("acme", new WriteBatch().Insert("notes", "n1", new StringValue { Value = "kept" })).WaitAsync(Timeout);
        var output = new StringWriter();
        var copy = _directory.File("backups/copy.db");

        var exitCode = await ServerCommand.Create(_ => Task.CompletedTask).Parse(["backup", "--to", copy, $"--Store:SqlitePath={source}"]).InvokeAsync(new() { Output = output }).WaitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Backed up {source} to {copy} (", output.ToString(), StringComparison.Ordinal);
        await using var restored = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = copy }).WaitAsync(Timeout);
        Assert.Equal("kept", (await restored.GetAsync("acme", "notes", "n1").WaitAsync(Timeout))!.Parse(StringValue.Parser).Value);
    }

    [Fact]
    public async Task Backup_LiteDbStoreInUse_WritesCheckedCopyAndExitsZero()
    {
        var source = _directory.File("live.litedb");
        await using var store = await JourneyStore.OpenAsync(new JourneyStoreOptions { Provider = "litedb", LiteDbPath = source }).WaitAsync(Timeout);
        await store.WriteAsync("acme", new WriteBatch().Insert("notes", "n1", new StringValue { Value = "kept" })).WaitAsync(Timeout);
        var output = new StringWriter();
        var copy = _directory.File("backups/copy.litedb");

        var exitCode = await ServerCommand.Create(_ => Task.CompletedTask)
            .Parse(["backup", "--to", copy, "--Store:Provider=litedb", $"--Store:LiteDbPath={source}"])
            .InvokeAsync(new() { Output = output }).WaitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Backed up {source} to {copy} (", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("bytes, integrity check ok).", output.ToString().Trim(), StringComparison.Ordinal);
        await using var restored = await JourneyStore.OpenAsync(new JourneyStoreOptions { Provider = "litedb", LiteDbPath = copy }).WaitAsync(Timeout);
        Assert.Equal("kept", (await restored.GetAsync("acme", "notes", "n1").WaitAsync(Timeout))!.Parse(StringValue.Parser).Value);
    }

    [Fact]
    public async Task Backup_NoStoreFile_ReasonOnStandardErrorAndExitCodeOne()
    {
        var error = new StringWriter();

        var exitCode = await ServerCommand.Create(_ => Task.CompletedTask)
            .Parse(["backup", "--to", _directory.File("copy.db"), $"--Store:SqlitePath={_directory.File("absent.db")}"])
            .InvokeAsync(new() { Error = error }).WaitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Equal($"backup failed: There is no SQLite store at {_directory.File("absent.db")} to back up; check Store:SqlitePath.", error.ToString().Trim());
    }

    [Fact]
    public async Task Backup_WithoutTo_RefusedByParser()
    {
        var error = new StringWriter();

        var exitCode = await ServerCommand.Create(_ => Task.CompletedTask).Parse(["backup"]).InvokeAsync(new() { Error = error }).WaitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--to", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsBackupCommand()
    {
        var output = new StringWriter();

        await ServerCommand.Create(_ => Task.CompletedTask).Parse(["--help"]).InvokeAsync(new() { Output = output }).WaitAsync(Timeout);

        Assert.Contains("backup", output.ToString(), StringComparison.Ordinal);
    }

    private static string[] Args(params string[] extra) =>
        ["--Server:GrpcUrl=http://127.0.0.1:0", "--Server:RestUrl=http://127.0.0.1:0", "--Logging:LogLevel:Default=None", .. extra];
}
