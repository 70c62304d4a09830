using System.Data.Common;

namespace JourneyGrpc.Store.Internal;

/// <summary>Builds commands with named <c>@</c> parameters, which both Microsoft.Data.Sqlite and Npgsql accept.</summary>
internal static class Sql
{
    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    /// <summary>
    /// Binds <paramref name="name"/>. A cached command keeps its parameter objects and gets new values:
    /// Npgsql's prepared statement holds on to the parameter objects it was prepared with.
    /// </summary>
    internal static DbCommand With(this DbCommand command, string name, object value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0)
        {
            parameters[index].Value = value;
            return command;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        parameters.Add(parameter);
        return command;
    }

    internal static Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken) =>
        Command(connection, transaction, text).RunAsync(cancellationToken);

    /// <summary>Executes <paramref name="command"/>, disposes it, and returns the rows affected.</summary>
    internal static async Task<int> RunAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Executes <paramref name="command"/>, disposes it, and returns the first column of the first row.</summary>
    internal static async Task<object?> ScalarAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.FirstValueAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Like <see cref="ScalarAsync"/>, as a 64-bit integer.</summary>
    internal static async Task<long?> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken) =>
        ToInt64(await command.ScalarAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Executes <paramref name="command"/> (a cached one: not disposed) and returns the first column of the first row.</summary>
    internal static async Task<object?> FirstValueAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Like <see cref="FirstValueAsync"/>, as a 64-bit integer.</summary>
    internal static async Task<long?> FirstInt64Async(this DbCommand command, CancellationToken cancellationToken) =>
        ToInt64(await command.FirstValueAsync(cancellationToken).ConfigureAwait(false));

    private static long? ToInt64(object? value) =>
        value is null ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
