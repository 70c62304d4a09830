namespace JourneyGrpc.Bench.LoadClient;

/// <summary>Warm-up → measuring → stopped, shared by every worker of a unary run.</summary>
internal sealed class LoadPhase
{
    public const int WarmingUp = 0;
    public const int Measuring = 1;
    public const int Stopped = 2;

    private volatile int _value;

    public int Value => _value;

    public void StartMeasuring() => _value = Measuring;

    public void Stop() => _value = Stopped;
}
