using System.Globalization;
using JourneyGrpc.Bench.ReplicaLoad;

// dotnet JourneyGrpc.Bench.ReplicaLoad.dll create|search GATEWAY_URL SECONDS CONCURRENCY
// Prints one line: "<mode> <requests/s> ok=<n> failed=<n>"; exit 1 when any request failed.
if (args.Length != 4 || args[0] is not ("create" or "search"))
{
    Console.Error.WriteLine("usage: create|search GATEWAY_URL SECONDS CONCURRENCY");
    return 2;
}

var result = await JourneyRestLoad.RunAsync(args[0], new Uri(args[1]), TimeSpan.FromSeconds(int.Parse(args[2], CultureInfo.InvariantCulture)), int.Parse(args[3], CultureInfo.InvariantCulture));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]} {result.Ok / result.Elapsed.TotalSeconds:F0} ok={result.Ok} failed={result.Failed}"));
return result.Failed == 0 ? 0 : 1;
