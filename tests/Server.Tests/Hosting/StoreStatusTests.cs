using Grpc.Core;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Tests.Hosting;

public sealed class StoreStatusTests
{
    public static TheoryData<StoreFailure, StatusCode> Failures => new()
    {
        { StoreFailure.Locked, StatusCode.Unavailable },
        { StoreFailure.ReadOnly, StatusCode.Unavailable },
        { StoreFailure.DiskFull, StatusCode.Unavailable },
        { StoreFailure.Unreachable, StatusCode.Unavailable },
        { StoreFailure.Corrupt, StatusCode.Internal },
        { StoreFailure.SchemaTooNew, StatusCode.Internal },
        { StoreFailure.IoError, StatusCode.Internal },
    };

    [Fact]
    public async Task ToRpcException_StaleVersion_AbortedWithStoreMessage()
    {
        var conflict = await CaptureAsync(async store =>
        {
            await store.WriteAsync("t", new WriteBatch().Insert("c", "r", new Google.Protobuf.WellKnownTypes.Empty()));
            await store.WriteAsync("t", new WriteBatch().Update("c", "r", 5, new Google.Protobuf.WellKnownTypes.Empty()));
        });

        var rpc = StoreStatus.ToRpcException(conflict);

        Assert.Equal(StatusCode.Aborted, rpc.StatusCode);
        Assert.Equal("Record c/r is at version 1, not the expected version 5.", rpc.Status.Detail);
    }

    [Fact]
    public async Task ToRpcException_DuplicateId_AlreadyExists()
    {
        var duplicate = await CaptureAsync(async store =>
        {
            await store.WriteAsync("t", new WriteBatch().Insert("c", "r", new Google.Protobuf.WellKnownTypes.Empty()));
            await store.WriteAsync("t", new WriteBatch().Insert("c", "r", new Google.Protobuf.WellKnownTypes.Empty()));
        });

        Assert.Equal(StatusCode.AlreadyExists, StoreStatus.ToRpcException(duplicate).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void CodeOf_Failure_UnavailableOrInternal(StoreFailure failure, StatusCode code)
    {
        var exception = (StoreException)Activator.CreateInstance(
            typeof(StoreFailureException), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [failure, "m", null], null)!;

        Assert.Equal(code, StoreStatus.CodeOf(exception));
    }

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
