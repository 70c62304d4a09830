namespace JourneyGrpc.Conformance.Tests.Contracts;

/// <summary>
/// The contracts package tests share one pack, one consumer build and one consumer run. Not run in
/// parallel with the other collections: packing and compiling would take the CPU the third-party
/// clients' timing-sensitive cases need on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContractsConsumerCollection : ICollectionFixture<ContractsConsumerRun>
{
    public const string Name = "Contracts package";
}
