using System.Data.Common;

namespace JourneyGrpc.Store.Internal;

/// <summary>
/// The writer's statements, one command per SQL text, kept for the life of its connection: SQLite
/// then prepares each statement once instead of per write (Npgsql auto-prepares by text as well).
/// Under group commit the writer is CPU-bound, so this is most of its cost.
/// </summary>
internal sealed class CommandCache(DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/> in <paramref name="transaction"/>; bind every parameter with <see cref="Sql.With"/> before running it.</summary>
    internal DbCommand Get(string sql, DbTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }
}
