using BenchmarkDotNet.Running;
using JourneyGrpc.Bench.Microbenchmarks;

BenchmarkSwitcher.FromAssembly(typeof(RoutedUnaryBenchmarks).Assembly).Run(args);
