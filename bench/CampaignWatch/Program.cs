using JourneyGrpc.Bench.CampaignWatch;

return args.FirstOrDefault() switch
{
    "serve" => await ServeCommand.RunAsync(args[1..]),
    "load" => await LoadCommand.RunAsync(LoadSettings.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CampaignWatch serve --port P [--Store:Provider=sqlite --Store:SqlitePath=F | --Store:Provider=postgres --Store:PostgresConnectionString=S] [--CampaignStatus:Key=V ...]");
    Console.Error.WriteLine("       CampaignWatch load --address http://127.0.0.1:P [--subscribers 1000] [--rate 1000] [--duration 60] [--connections 10] [--server-pid PID]");
    return 2;
}
