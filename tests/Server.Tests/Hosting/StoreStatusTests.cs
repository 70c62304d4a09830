using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Tests.Hosting;

/// <summary>The one store-failure → status table (README "Errors"): what a client sees decides whether it retries.</summary>
public sealed class StoreStatusTests
{
    private const string DriverText = "SQLite Error 5: 'database is locked' at /var/lib/secret/journeygrpc.db";

    public static TheoryData<StoreFailure, StatusCode, string, bool> Failures => new()
    {
        { StoreFailure.Locked, StatusCode.Unavailable, "STORE_LOCKED", true },
        { StoreFailure.Unreachable, StatusCode.Unavailable, "STORE_UNREACHABLE", true },
        { StoreFailure.IoError, StatusCode.Unavailable, "STORE_IO_ERROR", true },
        { StoreFailure.DiskFull, StatusCode.ResourceExhausted, "STORE_DISK_FULL", false },
        { StoreFailure.ReadOnly, StatusCode.Internal, "STORE_READ_ONLY", false },
        { StoreFailure.Corrupt, StatusCode.Internal, "STORE_CORRUPT", false },
        { StoreFailure.SchemaTooNew, StatusCode.Internal, "STORE_SCHEMA_TOO_NEW", false },
    };

    [Fact]
    public void Failures_CoverEveryStoreFailure()
    {
        var covered = Failures.Select(row => (StoreFailure)row[0]).Order();

        Assert.Equal(Enum.GetValues<StoreFailure>().Order(), covered);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void ToRpcException_Failure_CodeReasonAndRetryInfoOnlyWhenTransient(StoreFailure failure, StatusCode code, string reason, bool retryable)
    {
        var rpc = StoreStatus.ToRpcException(Failure(failure));

        var status = rpc.GetRpcStatus()!;
        Assert.Equal(code, rpc.StatusCode);
        Assert.Equal((StoreStatus.Domain, reason), Info(status));
        Assert.Equal(retryable ? TimeSpan.FromSeconds(1) : null, status.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan());
        Assert.DoesNotContain("SQLite", rpc.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", rpc.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToRpcException_StaleVersion_AbortedWithoutRecordNames()
    {
        var conflict = await CaptureAsync(async store =>
        {
            await store.WriteAsync("t", new WriteBatch().Insert("c", "r", new Google.Protobuf.WellKnownTypes.Empty()));
            await store.WriteAsync("t", new WriteBatch().Update("c", "r", 5, new Google.Protobuf.WellKnownTypes.Empty()));
        });

        var rpc = StoreStatus.ToRpcException(conflict);

        Assert.IsType<StoreConcurrencyException>(conflict);
        Assert.Equal((StatusCode.Aborted, "The call conflicted with concurrent writes to the same records; read again and retry."), (rpc.StatusCode, rpc.Status.Detail));
        Assert.Equal((StoreStatus.Domain, "STORE_CONFLICT"), Info(rpc.GetRpcStatus()!));
        Assert.Null(rpc.GetRpcStatus()!.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task ToRpcException_DuplicateId_AlreadyExists()
    {
        var duplicate = await CaptureAsync(async store =>
        {
            await store.WriteAsync("t", new WriteBatch().Insert("c", "r", new Google.Protobuf.WellKnownTypes.Empty()));
            await store.WriteAsync("t", new WriteBatch().Insert("c", "r", new Google.Protobuf.WellKnownTypes.Empty()));
        });

        var rpc = StoreStatus.ToRpcException(duplicate);

        Assert.IsType<StoreDuplicateException>(duplicate);
        Assert.Equal((StatusCode.AlreadyExists, "A record with the same key already exists."), (rpc.StatusCode, rpc.Status.Detail));
        Assert.Equal((StoreStatus.Domain, "STORE_DUPLICATE"), Info(rpc.GetRpcStatus()!));
    }

    private static (string Domain, string Reason) Info(Google.Rpc.Status status)
    {
        var info = status.GetDetail<ErrorInfo>()!;
        return (info.Domain, info.Reason);
    }

    private static StoreFailureException Failure(StoreFailure failure) => (StoreFailureException)Activator.CreateInstance(
        typeof(StoreFailureException), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [failure, DriverText, null], null)!;

    private static async Task<StoreException> CaptureAsync(Func<JourneyStore, Task> act)
    {
        using var directory = new TempDirectory();
        await using var store = await JourneyStore.OpenAsync(new JourneyStoreOptions { SqlitePath = directory.File("s.db") });
        try
        {
            await act(store).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (StoreException ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("The action threw no StoreException.");
    }
}
