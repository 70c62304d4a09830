using System.Data.Common;

namespace JourneyGrpc.Store.Tests.Infrastructure;

/// <summary>An open transaction on a connection of its own, holding its locks until disposed (rolled back).</summary>
internal sealed class HeldTransaction(DbTransaction transaction, DbConnection connection) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
