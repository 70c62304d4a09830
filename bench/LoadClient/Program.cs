using JourneyGrpc.Bench.LoadClient;

// Load client for journeygrpc.bench.v1.EchoService through the generated typed client over Grpc.Net.Client.
//   unary  --address http://127.0.0.1:50151 [--concurrency 40] [--connections 1] [--payload 2] [--duration 10] [--warmup 3]
//   rest   --address http://127.0.0.1:50161 [same options as unary]: POST /v1/echo through the REST gateway
//   stream --address http://127.0.0.1:50151 [--count 3000000] [--payload 2] [--warmup-count 1000000]
// Prints a human summary and one machine-readable "RESULT ..." line; exit code 1 on any failed call.
if (!LoadOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return options.Mode switch
{
    LoadMode.Stream => await StreamLoad.RunAsync(options, cancel.Token).ConfigureAwait(false),
    LoadMode.Rest => await RestLoad.RunAsync(options, cancel.Token).ConfigureAwait(false),
    _ => await UnaryLoad.RunAsync(options, cancel.Token).ConfigureAwait(false),
};
